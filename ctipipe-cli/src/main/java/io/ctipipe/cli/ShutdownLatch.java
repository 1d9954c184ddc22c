package io.ctipipe.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Blocks a command until the JVM is asked to stop (Ctrl-C, SIGTERM), then runs its cleanup before
 * the JVM exits, so a broker or a service always stops cleanly.
 */
public final class ShutdownLatch {
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);

    /** Waits for a stop signal, then runs cleanup; the shutdown hook waits for it. */
    public void awaitThen(Runnable cleanup) throws InterruptedException {
        Thread hook = new Thread(this::onSignal, "ctipipe-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopRequested.await();
        try {
            cleanup.run();
        } finally {
            cleanedUp.countDown();
        }
    }

    private void onSignal() {
        stopRequested.countDown();
        try {
            cleanedUp.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
