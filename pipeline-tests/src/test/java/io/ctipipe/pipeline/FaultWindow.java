package io.ctipipe.pipeline;

import java.time.Duration;

/**
 * Keeps an injected fault in place for a set time, or waits for the next moment of a fault
 * schedule. These are durations the scenario chooses, not waits for something to happen: those use
 * Awaitility.
 */
final class FaultWindow {
    private FaultWindow() {}

    static void hold(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Returns at startNanos + offset (at once if that moment has passed). */
    static void until(long startNanos, Duration offset) throws InterruptedException {
        long left = startNanos + offset.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
