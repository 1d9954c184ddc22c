package io.ctipipe.mapper.pattern;

import java.util.Objects;

/** An observation expression followed by a qualifier, e.g. {@code [..] WITHIN 5 SECONDS}. */
public record QualifiedObservation(ObservationExpression observation, Qualifier qualifier)
        implements ObservationExpression {
    public QualifiedObservation {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(qualifier, "qualifier");
    }
}
