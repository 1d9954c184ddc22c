package io.ctipipe.mapper.pattern;

import java.util.Objects;

/**
 * {@code object:path [NOT] operator literal}, e.g. {@code file:hashes.'SHA-256' = '..'}.
 *
 * @param negated whether NOT precedes the operator
 */
public record Comparison(
        ObjectPath path, boolean negated, ComparisonOperator operator, Literal value)
        implements ComparisonExpression {
    public Comparison {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (!operator.accepts(value)) {
            throw new IllegalArgumentException(operator.symbol() + " cannot take " + value);
        }
    }
}
