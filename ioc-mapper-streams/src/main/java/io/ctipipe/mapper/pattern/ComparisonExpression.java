package io.ctipipe.mapper.pattern;

/**
 * A node inside the brackets of an observation: one comparison, an EXISTS test, or two of them
 * joined by AND or OR (AND binds tighter).
 */
public sealed interface ComparisonExpression
        permits Comparison, ExistsComparison, ComparisonCompound {}
