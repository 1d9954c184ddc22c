package io.ctipipe.mapper.pattern;

/**
 * The comparison operators and what each accepts on its right: {@code =} and {@code !=} any literal
 * but a set; the order operators any literal but a boolean or a set; IN a set; LIKE, MATCHES,
 * ISSUBSET and ISSUPERSET a string. The parser also reads {@code ==} as {@code =} and {@code <>} as
 * {@code !=}, as the grammar allows; the printer writes the first form.
 */
public enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    GREATER(">"),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    IN("IN"),
    LIKE("LIKE"),
    MATCHES("MATCHES"),
    ISSUBSET("ISSUBSET"),
    ISSUPERSET("ISSUPERSET");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** How the operator is written in a pattern. */
    public String symbol() {
        return symbol;
    }

    /** Whether the literal on the right may be this kind of value. */
    public boolean accepts(Literal literal) {
        return switch (this) {
            case EQUAL, NOT_EQUAL -> !(literal instanceof Literal.Set);
            case LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL -> isOrderable(literal);
            case IN -> literal instanceof Literal.Set;
            case LIKE, MATCHES, ISSUBSET, ISSUPERSET -> literal instanceof Literal.Text;
        };
    }

    private static boolean isOrderable(Literal literal) {
        return !(literal instanceof Literal.Set) && !(literal instanceof Literal.Bool);
    }
}
