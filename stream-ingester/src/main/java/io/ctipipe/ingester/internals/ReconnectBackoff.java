package io.ctipipe.ingester.internals;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Jittered exponential backoff: the first retry after a healthy connection broke is immediate, then
 * {@code min}, doubling up to {@code max}; each delay is drawn from [d/2, d] so that many clients
 * do not reconnect in step.
 */
public final class ReconnectBackoff {
    private final Duration min;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    /**
     * @param random a source of numbers in [0, 1), injectable for tests
     */
    public ReconnectBackoff(Duration min, Duration max, DoubleSupplier random) {
        this.min = min;
        this.max = max.compareTo(min) < 0 ? min : max;
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public Duration next() {
        int attempt = failures++;
        if (attempt == 0) {
            return Duration.ZERO;
        }
        long base = min.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(base, 0), max.toMillis());
        return jitter(capped);
    }

    /** A slow retry for configuration errors, jittered the same way. */
    public Duration slow(Duration interval) {
        failures++;
        return jitter(interval.toMillis());
    }

    /** After a connection delivered data: the next failure retries at once. */
    public void reset() {
        failures = 0;
    }

    private Duration jitter(long millis) {
        long half = millis / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (millis - half)));
    }
}
