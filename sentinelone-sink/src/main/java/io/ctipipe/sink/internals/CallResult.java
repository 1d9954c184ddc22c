package io.ctipipe.sink.internals;

import java.time.Instant;

/**
 * How one API call ended after its retries.
 *
 * @param value the answer when it succeeded, else null
 * @param failure the last failure when it did not, else null
 * @param failureClass the class of that failure, null on success
 * @param attempts how many requests were made
 * @param firstAttempt when the first request started
 * @param lastAttempt when the last request started
 * @param ambiguous whether a failed attempt may have been carried out by the server
 */
public record CallResult<T>(
        T value,
        Throwable failure,
        FailureClass failureClass,
        int attempts,
        Instant firstAttempt,
        Instant lastAttempt,
        boolean ambiguous) {

    public boolean ok() {
        return failure == null;
    }

    /** This result, marked as possibly carried out by the server. */
    public CallResult<T> withAmbiguous() {
        return new CallResult<>(
                value, failure, failureClass, attempts, firstAttempt, lastAttempt, true);
    }

    /** The HTTP status of the failure, or null when there was none. */
    public Integer httpStatus() {
        return failure instanceof ApiException api ? api.status() : null;
    }

    /** The failure's response body, or null. */
    public String body() {
        return failure instanceof ApiException api ? api.body() : null;
    }
}
