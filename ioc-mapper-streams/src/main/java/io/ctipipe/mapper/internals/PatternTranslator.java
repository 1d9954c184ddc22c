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
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a parsed pattern into SentinelOne IOC values. An OR, inside and across observations, yields
 * one IOC per comparison that can be one; an AND inside one observation whose every operand
 * compares a {@code file:hashes} value yields one IOC per hash (each identifies the file).
 * Duplicate IOCs (same type and value) collapse to the first.
 *
 * <p>A comparison is checked in one order (object and property, operator, literal, value), and its
 * first problem is its reason, whether it stands alone or in an OR. An {@code =} comparison whose
 * object, hash algorithm or value cannot be an IOC ({@link #DROPPABLE}) is dropped and reported as
 * a {@link DroppedBranch}: leaving out one alternative of an OR only narrows what the IOCs match,
 * so it never adds a false positive. When every comparison is dropped, {@link UnmappableException}
 * carries the reason of the first, so a lone comparison is skipped exactly as it would be without
 * this rule.
 *
 * <p>Anything else throws {@link UnmappableException} and skips the whole Indicator wherever it
 * stands, OR included: a negation, an operator other than {@code =}, EXISTS, FOLLOWEDBY, a
 * qualifier, an AND other than of hashes. Those say the Indicator is more than a list of values, so
 * a partial IOC set would misstate it; the cost is that such an Indicator does not reach
 * SentinelOne even when its other branches alone would map.
 *
 * <p>A hash AND stays all or nothing, even as a branch of an OR: an AND of an MD5 and a SHA-512 of
 * one file is skipped as unsupported-hash, although the MD5 alone would identify the file. The rule
 * stays simple to state and to check, at the cost of such Indicators not reaching SentinelOne.
 */
final class PatternTranslator {
    private static final String STIX = "stix";

    /** Reasons that concern one comparison's object or value, not the pattern's logic. */
    private static final Set<SkipReason> DROPPABLE =
            EnumSet.of(
                    SkipReason.UNSUPPORTED_OBJECT,
                    SkipReason.UNSUPPORTED_HASH,
                    SkipReason.CIDR_TOO_WIDE,
                    SkipReason.INVALID_VALUE);

    private final List<IocValue> values = new ArrayList<>();
    private final List<DroppedBranch> dropped = new ArrayList<>();
    private UnmappableException firstDrop;

    private PatternTranslator() {}

    /** The IOC values of an Indicator's pattern; only pattern_type stix can have any. */
    static Translation translate(String patternType, String pattern) {
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

    static Translation translate(ObservationExpression pattern) {
        PatternTranslator translator = new PatternTranslator();
        translator.observation(pattern);
        return translator.result();
    }

    private Translation result() {
        // Every comparison either maps, is dropped or throws, so no value means a drop.
        if (values.isEmpty()) {
            throw firstDrop;
        }
        return new Translation(List.copyOf(new LinkedHashSet<>(values)), dropped);
    }

    private void observation(ObservationExpression expression) {
        if (expression instanceof Observation observation) {
            comparison(observation.comparison());
        } else if (expression instanceof QualifiedObservation qualified) {
            String qualifier = PatternPrinter.print(qualified.qualifier());
            String detail = "qualifier " + qualifier + " has no IOC equivalent";
            throw new UnmappableException(SkipReason.QUALIFIER, detail);
        } else {
            compoundObservation((ObservationCompound) expression);
        }
    }

    private void compoundObservation(ObservationCompound compound) {
        if (compound.operator() == ObservationOperator.FOLLOWEDBY) {
            String detail = "FOLLOWEDBY describes a sequence of events, not one IOC";
            throw new UnmappableException(SkipReason.FOLLOWEDBY, detail);
        }
        if (compound.operator() == ObservationOperator.AND) {
            String detail = "AND between two observations needs both; an IOC matches one";
            throw new UnmappableException(SkipReason.MIXED_AND, detail);
        }
        observation(compound.left());
        observation(compound.right());
    }

    private void comparison(ComparisonExpression expression) {
        if (expression instanceof ComparisonCompound compound) {
            if (compound.operator() == LogicalOperator.AND) {
                hashConjunction(compound);
            } else {
                comparison(compound.left());
                comparison(compound.right());
            }
        } else if (expression instanceof ExistsComparison exists) {
            String detail = "EXISTS " + exists.path() + " is not an equality";
            throw new UnmappableException(SkipReason.UNSUPPORTED_OPERATOR, detail);
        } else {
            alternative((Comparison) expression);
        }
    }

    /** A comparison alone or as a branch of an OR: mapped, dropped, or the Indicator's skip. */
    private void alternative(Comparison comparison) {
        try {
            values.add(leaf(comparison));
        } catch (UnmappableException e) {
            if (!isEquality(comparison) || !DROPPABLE.contains(e.reason())) {
                throw e;
            }
            dropped.add(new DroppedBranch(e.reason(), PatternPrinter.print(comparison)));
            if (firstDrop == null) {
                firstDrop = e;
            }
        }
    }

    /** AND of file hashes only: every operand identifies the same file. */
    private void hashConjunction(ComparisonCompound and) {
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
        operands.forEach(operand -> values.add(leaf((Comparison) operand)));
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

    private static boolean isEquality(Comparison comparison) {
        return !comparison.negated() && comparison.operator() == ComparisonOperator.EQUAL;
    }

    private static IocValue leaf(Comparison comparison) {
        ObservableTarget target = ObservableTarget.of(comparison.path());
        if (!isEquality(comparison)) {
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
