package io.ctipipe.sink.internals;

/** What a failed SentinelOne call means for the sink; see {@link FailureClassifier}. */
public enum FailureClass {
    /** Transient: try the same request again after a backoff. */
    RETRIABLE,
    /** The request's items are not acceptable: find the bad items and dead-letter them. */
    REJECTED,
    /** The credentials or the scope are refused: nothing is wrong with the records; wait. */
    AUTH,
    /** The sink cannot go on (wrong URL, unexpected answer): stop and report. */
    FATAL
}
