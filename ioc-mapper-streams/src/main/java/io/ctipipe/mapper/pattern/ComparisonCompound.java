package io.ctipipe.mapper.pattern;

import java.util.Objects;

/** Two comparison expressions joined by AND or OR, inside one observation. */
public record ComparisonCompound(
        LogicalOperator operator, ComparisonExpression left, ComparisonExpression right)
        implements ComparisonExpression {
    public ComparisonCompound {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
