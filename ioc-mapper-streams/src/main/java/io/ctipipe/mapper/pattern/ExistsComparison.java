package io.ctipipe.mapper.pattern;

import java.util.Objects;

/** {@code EXISTS object:path}. */
public record ExistsComparison(ObjectPath path) implements ComparisonExpression {
    public ExistsComparison {
        Objects.requireNonNull(path, "path");
    }
}
