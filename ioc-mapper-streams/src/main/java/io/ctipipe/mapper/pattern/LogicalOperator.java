package io.ctipipe.mapper.pattern;

/** AND and OR between comparisons; AND binds tighter, both associate to the left. */
public enum LogicalOperator {
    OR(0),
    AND(1);

    private final int precedence;

    LogicalOperator(int precedence) {
        this.precedence = precedence;
    }

    /** Higher binds tighter. */
    public int precedence() {
        return precedence;
    }
}
