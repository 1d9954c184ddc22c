package io.ctipipe.ingester.internals;

import java.time.Duration;

/** The stream could not be opened or read any further, with the classified reason. */
public final class StreamFailureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;
    private final Duration retryAfter;

    public StreamFailureException(
            Failure failure, String detail, Duration retryAfter, Throwable cause) {
        super(detail, cause);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public Failure failure() {
        return failure;
    }

    /** The server's Retry-After, or zero. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
