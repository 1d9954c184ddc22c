package io.ctipipe.emulator.sentinelone;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected misbehaviour of the emulator for one API request.
 *
 * @param kind what happens
 * @param status the HTTP status of a {@link Kind#STATUS} fault, else 0
 * @param duration the Retry-After of a 429 (null: no header), or the delay of a slow answer
 */
public record Fault(Kind kind, int status, Duration duration) {

    /** The kinds of misbehaviour. */
    public enum Kind {
        /** Answer with an error status and the real error envelope; nothing is processed. */
        STATUS,
        /** Wait {@code duration}, then process and answer normally. */
        SLOW,
        /** Never answer: hold the connection until the client gives up or the emulator stops. */
        HANG,
        /** Close the connection without an answer; nothing is processed. */
        RESET,
        /** Process the request, then close the connection without an answer. */
        LOST_RESPONSE
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
    }

    public static Fault status(int status) {
        return new Fault(Kind.STATUS, status, null);
    }

    /** A 429; with a {@code Retry-After} header in whole seconds unless retryAfter is null. */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(Kind.STATUS, 429, retryAfter);
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, delay);
    }

    public static Fault hang() {
        return new Fault(Kind.HANG, 0, null);
    }

    public static Fault reset() {
        return new Fault(Kind.RESET, 0, null);
    }

    public static Fault lostResponse() {
        return new Fault(Kind.LOST_RESPONSE, 0, null);
    }
}
