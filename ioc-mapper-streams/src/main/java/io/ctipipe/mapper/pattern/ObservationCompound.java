package io.ctipipe.mapper.pattern;

import java.util.Objects;

/** Two observation expressions joined by AND, OR or FOLLOWEDBY. */
public record ObservationCompound(
        ObservationOperator operator, ObservationExpression left, ObservationExpression right)
        implements ObservationExpression {
    public ObservationCompound {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
