package io.ctipipe.sink.internals;

import java.io.Serial;
import java.time.Duration;

/**
 * SentinelOne answered with a status other than success. The message names the operation and the
 * status only; the body is kept for parsing and offered redacted as a snippet, never logged whole.
 */
public final class ApiException extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    private final int status;
    private final transient String body;
    private final transient Duration retryAfter;

    public ApiException(String operation, int status, String body, Duration retryAfter) {
        super("HTTP " + status + " from " + operation);
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The whole response body, for parsing only. */
    public String body() {
        return body;
    }

    /** The server's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
