package io.ctipipe.mapper.internals;

import io.ctipipe.mapper.pattern.Comparison;
import io.ctipipe.mapper.pattern.ComparisonCompound;
import io.ctipipe.mapper.pattern.ComparisonExpression;
import io.ctipipe.mapper.pattern.ComparisonOperator;
import io.ctipipe.mapper.pattern.ExistsComparison;
import io.ctipipe.mapper.pattern.Literal;
import io.ctipipe.mapper.pattern.LogicalOperator;
import io.ctipipe.mapper.pattern.Observation;
import io.ctipipe.mapper.pattern.ObservationCompound;
import io.ctipipe.mapper.pattern.ObservationExpression;
import io.ctipipe.mapper.pattern.ObservationOperator;
import io.ctipipe.mapper.pattern.PatternParser;
import io.ctipipe.mapper.pattern.PatternPrinter;
import io.ctipipe.mapper.pattern.PatternSyntaxException;
import io.ctipipe.mapper.pattern.QualifiedObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed pattern into SentinelOne IOC values, all or nothing. OR, inside and across
 * observations, yields one IOC per comparison; an AND inside one observation whose every operand
 * compares a {@code file:hashes} value yields one IOC per hash (each identifies the file). Any
 * other construct throws {@link UnmappableException} with its reason, so an Indicator is never
 * half-mapped. Duplicate IOCs (same type and value) collapse to the first.
 *
 * <p>All or nothing holds for hash ANDs too: an AND of an MD5 and a SHA-512 of one file is skipped
 * as unsupported-hash, although the MD5 alone would identify the file. The rule stays simple to
 * state and to check, at the cost of such Indicators not reaching SentinelOne.
 */
final class PatternTranslator {
    private static final String STIX = "stix";

    private PatternTranslator() {}

    /** The IOC values of an Indicator's pattern; only pattern_type stix can have any. */
    static List<IocValue> translate(String patternType, String pattern) {
        if (!STIX.equalsIgnoreCase(patternType)) {
            String detail = "pattern_type " + patternType + " is not stix";
            throw new UnmappableException(SkipReason.UNSUPPORTED_PATTERN_TYPE, detail);
        }
        if (pattern == null) {
            throw new UnmappableException(SkipReason.SYNTAX_ERROR, "the Indicator has no pattern");
        }
        try {
            return translate(PatternParser.parse(pattern));
        } catch (PatternSyntaxException e) {
            throw new UnmappableException(SkipReason.SYNTAX_ERROR, e.getMessage());
        }
    }

    static List<IocValue> translate(ObservationExpression pattern) {
        List<IocValue> values = new ArrayList<>();
        observation(pattern, values);
        Map<IocValue, Boolean> distinct = new LinkedHashMap<>();
        values.forEach(value -> distinct.put(value, Boolean.TRUE));
        return List.copyOf(distinct.keySet());
    }

    private static void observation(ObservationExpression expression, List<IocValue> out) {
        if (expression instanceof Observation observation) {
            comparison(observation.comparison(), out);
        } else if (expression instanceof QualifiedObservation qualified) {
            String qualifier = PatternPrinter.print(qualified.qualifier());
            String detail = "qualifier " + qualifier + " has no IOC equivalent";
            throw new UnmappableException(SkipReason.QUALIFIER, detail);
        } else {
            compoundObservation((ObservationCompound) expression, out);
        }
    }

    private static void compoundObservation(ObservationCompound compound, List<IocValue> out) {
        if (compound.operator() == ObservationOperator.FOLLOWEDBY) {
            String detail = "FOLLOWEDBY describes a sequence of events, not one IOC";
            throw new UnmappableException(SkipReason.FOLLOWEDBY, detail);
        }
        if (compound.operator() == ObservationOperator.AND) {
            String detail = "AND between two observations needs both; an IOC matches one";
            throw new UnmappableException(SkipReason.MIXED_AND, detail);
        }
        observation(compound.left(), out);
        observation(compound.right(), out);
    }

    private static void comparison(ComparisonExpression expression, List<IocValue> out) {
        if (expression instanceof ComparisonCompound compound) {
            if (compound.operator() == LogicalOperator.AND) {
                hashConjunction(compound, out);
            } else {
                comparison(compound.left(), out);
                comparison(compound.right(), out);
            }
        } else if (expression instanceof ExistsComparison exists) {
            String detail = "EXISTS " + exists.path() + " is not an equality";
            throw new UnmappableException(SkipReason.UNSUPPORTED_OPERATOR, detail);
        } else {
            out.add(leaf((Comparison) expression));
        }
    }

    /** AND of file hashes only: every operand identifies the same file. */
    private static void hashConjunction(ComparisonCompound and, List<IocValue> out) {
        List<ComparisonExpression> operands = new ArrayList<>();
        flattenAnd(and, operands);
        for (ComparisonExpression operand : operands) {
            if (!(operand instanceof Comparison comparison) || !isFileHash(comparison)) {
                String detail =
                        "AND may only join file hashes; '"
                                + PatternPrinter.print(operand)
                                + "' is not one";
                throw new UnmappableException(SkipReason.MIXED_AND, detail);
            }
        }
        operands.forEach(operand -> out.add(leaf((Comparison) operand)));
    }

    private static void flattenAnd(
            ComparisonExpression expression, List<ComparisonExpression> out) {
        if (expression instanceof ComparisonCompound compound
                && compound.operator() == LogicalOperator.AND) {
            flattenAnd(compound.left(), out);
            flattenAnd(compound.right(), out);
        } else {
            out.add(expression);
        }
    }

    private static boolean isFileHash(Comparison comparison) {
        return comparison.path().objectType().equals("file")
                && "hashes".equals(comparison.path().keyAt(0));
    }

    private static IocValue leaf(Comparison comparison) {
        ObservableTarget target = ObservableTarget.of(comparison.path());
        if (comparison.negated() || comparison.operator() != ComparisonOperator.EQUAL) {
            String detail =
                    "'"
                            + PatternPrinter.print(comparison)
                            + "' is not an equality; IOCs only match =";
            throw new UnmappableException(SkipReason.UNSUPPORTED_OPERATOR, detail);
        }
        if (!(comparison.value() instanceof Literal.Text text)) {
            String detail = comparison.path() + " is compared with a non-string literal";
            throw new UnmappableException(SkipReason.INVALID_VALUE, detail);
        }
        return target.value(text.value());
    }
}
