package io.ctipipe.ingester.internals;

/**
 * A classified failure.
 *
 * @param cause a short label for logs and the reconnect metric, e.g. {@code http-401}
 * @param hint what an operator should check, or empty
 */
public record Failure(FailureKind kind, String cause, String hint) {}
