package io.ctipipe.sink.internals;

/** What a failed SentinelOne call means for the sink; see {@link FailureClassifier}. */
public enum FailureClass {
    /** Transient: try the same request again after a backoff. */
    RETRIABLE,
    /** The request's items are not acceptable: find the bad items and dead-letter them. */
    REJECTED,
    /** The credentials or the scope are refused: nothing is wrong with the records; wait. */
    AUTH,
    /**
     * The TLS handshake fails on the certificate (not trusted, expired, not for this host) or on
     * the TLS settings: a set-up problem, nothing is wrong with the records; wait.
     */
    TLS,
    /** The sink cannot go on (wrong URL, unexpected answer): stop and report. */
    FATAL;

    /** Whether the sink pauses and waits for a set-up fix instead of failing the records. */
    public boolean isOutage() {
        return this == AUTH || this == TLS;
    }
}
