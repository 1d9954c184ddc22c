package io.ctipipe.mapper.pattern;

/**
 * Operators between observation expressions, by precedence as in the STIX 2.1 specification: AND
 * binds tighter than OR, which binds tighter than FOLLOWEDBY. All three associate to the left.
 */
public enum ObservationOperator {
    FOLLOWEDBY(0),
    OR(1),
    AND(2);

    private final int precedence;

    ObservationOperator(int precedence) {
        this.precedence = precedence;
    }

    /** Higher binds tighter. */
    public int precedence() {
        return precedence;
    }
}
