package io.ctipipe.ingester.internals;

/** What the ingester does about a failure at one of its boundaries. */
public enum FailureKind {
    /** Transient (network, 5xx, 429, broker hiccup): back off and retry. */
    RETRIABLE,
    /**
     * Needs an operator (bad token, unknown or stopped stream, ACLs, a too-large event): log an
     * ERROR saying what to check, retry slowly, never crash.
     */
    PERMANENT,
    /** Going on would be wrong (another instance took over the transactional id): stop. */
    FATAL
}
