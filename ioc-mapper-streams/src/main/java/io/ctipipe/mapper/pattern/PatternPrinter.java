package io.ctipipe.mapper.pattern;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a pattern tree back as text that {@link PatternParser} reads into an equal tree. It adds
 * parentheses only where precedence or left-associativity needs them, quotes property names that
 * are not plain identifiers (so {@code SHA-256} comes out as {@code 'SHA-256'}), and writes the
 * canonical form of each operator and literal.
 */
public final class PatternPrinter {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PatternPrinter() {}

    public static String print(ObservationExpression expression) {
        if (expression instanceof Observation observation) {
            return "[" + print(observation.comparison()) + "]";
        }
        if (expression instanceof QualifiedObservation qualified) {
            ObservationExpression inner = qualified.observation();
            String text = print(inner);
            boolean group = inner instanceof ObservationCompound;
            return (group ? "(" + text + ")" : text) + " " + print(qualified.qualifier());
        }
        ObservationCompound compound = (ObservationCompound) expression;
        int precedence = compound.operator().precedence();
        return child(compound.left(), precedence, false)
                + " "
                + compound.operator().name()
                + " "
                + child(compound.right(), precedence, true);
    }

    public static String print(ComparisonExpression expression) {
        if (expression instanceof Comparison comparison) {
            return print(comparison);
        }
        if (expression instanceof ExistsComparison exists) {
            return "EXISTS " + print(exists.path());
        }
        ComparisonCompound compound = (ComparisonCompound) expression;
        int precedence = compound.operator().precedence();
        return child(compound.left(), precedence, false)
                + " "
                + compound.operator().name()
                + " "
                + child(compound.right(), precedence, true);
    }

    public static String print(ObjectPath path) {
        StringBuilder text = new StringBuilder(path.objectType()).append(':');
        text.append(key(path.keyAt(0)));
        for (PathStep step : path.steps().subList(1, path.steps().size())) {
            text.append(step(step));
        }
        return text.toString();
    }

    public static String print(Literal literal) {
        if (literal instanceof Literal.Text text) {
            return quote(text.value());
        }
        if (literal instanceof Literal.Int integer) {
            return Long.toString(integer.value());
        }
        if (literal instanceof Literal.Decimal decimal) {
            return decimal.value().toPlainString();
        }
        if (literal instanceof Literal.Bool bool) {
            return Boolean.toString(bool.value());
        }
        return printTagged(literal);
    }

    private static String printTagged(Literal literal) {
        if (literal instanceof Literal.Timestamp timestamp) {
            return "t'" + timestamp.value() + "'";
        }
        if (literal instanceof Literal.Hex hex) {
            return "h'" + hex.digits() + "'";
        }
        if (literal instanceof Literal.Binary binary) {
            return "b'" + binary.base64() + "'";
        }
        Literal.Set set = (Literal.Set) literal;
        return set.elements().stream()
                .map(PatternPrinter::print)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    public static String print(Qualifier qualifier) {
        if (qualifier instanceof Qualifier.Within within) {
            return "WITHIN " + within.seconds().toPlainString() + " SECONDS";
        }
        if (qualifier instanceof Qualifier.Repeats repeats) {
            return "REPEATS " + repeats.times() + " TIMES";
        }
        Qualifier.StartStop range = (Qualifier.StartStop) qualifier;
        return "START " + print(range.start()) + " STOP " + print(range.stop());
    }

    private static String print(Comparison comparison) {
        return print(comparison.path())
                + (comparison.negated() ? " NOT " : " ")
                + comparison.operator().symbol()
                + " "
                + print(comparison.value());
    }

    private static String child(ObservationExpression child, int parent, boolean right) {
        String text = print(child);
        if (!(child instanceof ObservationCompound compound)) {
            return text;
        }
        return needsParentheses(compound.operator().precedence(), parent, right)
                ? "(" + text + ")"
                : text;
    }

    private static String child(ComparisonExpression child, int parent, boolean right) {
        String text = print(child);
        if (!(child instanceof ComparisonCompound compound)) {
            return text;
        }
        return needsParentheses(compound.operator().precedence(), parent, right)
                ? "(" + text + ")"
                : text;
    }

    /** Looser children need them, and so do equal right children (operators go left). */
    private static boolean needsParentheses(int child, int parent, boolean right) {
        return child < parent || (right && child == parent);
    }

    private static String step(PathStep step) {
        if (step instanceof PathStep.Key key) {
            return "." + key(key.name());
        }
        if (step instanceof PathStep.Index index) {
            return "[" + index.position() + "]";
        }
        return "[*]";
    }

    private static String key(String name) {
        return PLAIN_KEY.matcher(name).matches() ? name : quote(name);
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
