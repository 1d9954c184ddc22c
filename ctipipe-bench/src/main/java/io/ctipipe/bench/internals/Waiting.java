package io.ctipipe.bench.internals;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes, reporting progress on the way. */
final class Waiting {
    private static final long POLL_MILLIS = 5;

    private Waiting() {}

    /** True when the condition held before the timeout. */
    static boolean until(BooleanSupplier condition, Duration timeout) {
        return until(condition, timeout, Duration.ofDays(1), () -> {});
    }

    /** As {@link #until(BooleanSupplier, Duration)}, running {@code progress} every period. */
    static boolean until(
            BooleanSupplier condition, Duration timeout, Duration period, Runnable progress) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextReport = start + period.toNanos();
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return false;
            }
            if (now >= nextReport) {
                progress.run();
                nextReport += period.toNanos();
            }
            pause(POLL_MILLIS);
        }
        return true;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
