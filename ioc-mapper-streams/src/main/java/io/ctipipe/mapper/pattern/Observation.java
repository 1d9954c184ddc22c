package io.ctipipe.mapper.pattern;

import java.util.Objects;

/** One observation expression in brackets: {@code [comparison]}. */
public record Observation(ComparisonExpression comparison) implements ObservationExpression {
    public Observation {
        Objects.requireNonNull(comparison, "comparison");
    }
}
