package io.ctipipe.mapper.pattern;

import static io.ctipipe.mapper.pattern.ComparisonOperator.EQUAL;
import static io.ctipipe.mapper.pattern.ComparisonOperator.GREATER;
import static io.ctipipe.mapper.pattern.ComparisonOperator.GREATER_OR_EQUAL;
import static io.ctipipe.mapper.pattern.ComparisonOperator.LESS;
import static io.ctipipe.mapper.pattern.ComparisonOperator.LESS_OR_EQUAL;
import static io.ctipipe.mapper.pattern.ComparisonOperator.NOT_EQUAL;
import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hand-written recursive-descent parser for the whole STIX 2.1 patterning grammar. Precedence,
 * loosest first: FOLLOWEDBY, OR, AND between observations, then qualifiers (WITHIN, REPEATS,
 * START/STOP, which may follow each other); inside brackets OR, then AND. Every binary operator
 * associates to the left. Keywords are upper-case and {@code true}/{@code false} lower-case, as in
 * the grammar.
 *
 * <p>Two leniencies, both for data OpenCTI really emits: a property name after a dot may contain
 * hyphens without quotes ({@code file:hashes.SHA-256}), and binary literals may be written {@code
 * b64'..'} as well as {@code b'..'}.
 */
public final class PatternParser {
    /** Two-character symbols first, so that {@code <=} is not read as {@code <}. */
    private static final List<Map.Entry<String, ComparisonOperator>> SYMBOLS =
            List.of(
                    entry("==", EQUAL),
                    entry("!=", NOT_EQUAL),
                    entry("<>", NOT_EQUAL),
                    entry("<=", LESS_OR_EQUAL),
                    entry(">=", GREATER_OR_EQUAL),
                    entry("=", EQUAL),
                    entry("<", LESS),
                    entry(">", GREATER));

    private static final List<ComparisonOperator> WORDS =
            List.of(
                    ComparisonOperator.IN,
                    ComparisonOperator.LIKE,
                    ComparisonOperator.MATCHES,
                    ComparisonOperator.ISSUBSET,
                    ComparisonOperator.ISSUPERSET);

    private final PatternScanner scanner;
    private final LiteralParser literals;

    private PatternParser(String pattern) {
        this.scanner = new PatternScanner(pattern);
        this.literals = new LiteralParser(scanner);
    }

    /** Parses a whole pattern; throws {@link PatternSyntaxException} with the position. */
    public static ObservationExpression parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        PatternParser parser = new PatternParser(pattern);
        if (parser.scanner.atEnd()) {
            throw parser.scanner.error("expected an observation expression such as [a:b = 'c']");
        }
        ObservationExpression expression = parser.observations(ObservationOperator.FOLLOWEDBY);
        if (!parser.scanner.atEnd()) {
            throw parser.scanner.error("expected AND, OR, FOLLOWEDBY or a qualifier");
        }
        return expression;
    }

    private ObservationExpression observations(ObservationOperator level) {
        ObservationOperator tighter = tighterThan(level);
        ObservationExpression left = tighter == null ? qualified() : observations(tighter);
        while (scanner.tryKeyword(level.name())) {
            ObservationExpression right = tighter == null ? qualified() : observations(tighter);
            left = new ObservationCompound(level, left, right);
        }
        return left;
    }

    private static ObservationOperator tighterThan(ObservationOperator level) {
        return switch (level) {
            case FOLLOWEDBY -> ObservationOperator.OR;
            case OR -> ObservationOperator.AND;
            case AND -> null;
        };
    }

    private ObservationExpression qualified() {
        ObservationExpression expression = observationPrimary();
        Qualifier qualifier = qualifier();
        while (qualifier != null) {
            expression = new QualifiedObservation(expression, qualifier);
            qualifier = qualifier();
        }
        return expression;
    }

    private ObservationExpression observationPrimary() {
        if (scanner.tryChar('[')) {
            ComparisonExpression comparison = comparisons(LogicalOperator.OR);
            scanner.expectChar(']', "to close the observation");
            return new Observation(comparison);
        }
        if (scanner.tryChar('(')) {
            ObservationExpression inner = observations(ObservationOperator.FOLLOWEDBY);
            scanner.expectChar(')', "to close the parenthesis");
            return inner;
        }
        throw scanner.error("expected '[' or '(' to start an observation expression");
    }

    private Qualifier qualifier() {
        if (scanner.tryKeyword("WITHIN")) {
            Qualifier within = new Qualifier.Within(literals.unsignedNumber("after WITHIN"));
            scanner.expectKeyword("SECONDS", "after the WITHIN number");
            return within;
        }
        if (scanner.tryKeyword("REPEATS")) {
            Qualifier repeats = new Qualifier.Repeats(literals.unsignedInteger("after REPEATS"));
            scanner.expectKeyword("TIMES", "after the REPEATS number");
            return repeats;
        }
        if (scanner.tryKeyword("START")) {
            Literal.Timestamp start = literals.timestamp("after START");
            scanner.expectKeyword("STOP", "after the START timestamp");
            return new Qualifier.StartStop(start, literals.timestamp("after STOP"));
        }
        return null;
    }

    private ComparisonExpression comparisons(LogicalOperator level) {
        boolean innermost = level == LogicalOperator.AND;
        ComparisonExpression left =
                innermost ? comparisonPrimary() : comparisons(LogicalOperator.AND);
        while (scanner.tryKeyword(level.name())) {
            ComparisonExpression right =
                    innermost ? comparisonPrimary() : comparisons(LogicalOperator.AND);
            left = new ComparisonCompound(level, left, right);
        }
        return left;
    }

    private ComparisonExpression comparisonPrimary() {
        if (scanner.tryChar('(')) {
            ComparisonExpression inner = comparisons(LogicalOperator.OR);
            scanner.expectChar(')', "to close the parenthesis");
            return inner;
        }
        if (scanner.tryKeyword("EXISTS")) {
            return new ExistsComparison(new ObjectPathParser(scanner).path());
        }
        ObjectPath path = new ObjectPathParser(scanner).path();
        boolean negated = scanner.tryKeyword("NOT");
        ComparisonOperator operator = operator();
        return new Comparison(path, negated, operator, literals.literalFor(operator));
    }

    private ComparisonOperator operator() {
        for (Map.Entry<String, ComparisonOperator> symbol : SYMBOLS) {
            if (scanner.tryText(symbol.getKey())) {
                return symbol.getValue();
            }
        }
        for (ComparisonOperator word : WORDS) {
            if (scanner.tryKeyword(word.symbol())) {
                return word;
            }
        }
        throw scanner.error("expected a comparison operator such as =, !=, IN or LIKE");
    }
}
