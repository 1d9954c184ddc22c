package io.ctipipe.sink.internals;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-way signal that the current work must stop soon. Waits end early when it fires, and the
 * threads registered as working for it are interrupted, which ends their HTTP calls and retry
 * waits.
 */
public final class Cancellation {
    private final CountDownLatch fired = new CountDownLatch(1);
    private final Set<Thread> workers = new HashSet<>();

    public synchronized void cancel() {
        fired.countDown();
        workers.forEach(Thread::interrupt);
    }

    /** Runs the task on this thread as a worker of this cancellation. */
    void runAsWorker(Runnable task) {
        Thread thread = Thread.currentThread();
        synchronized (this) {
            workers.add(thread);
            if (isCancelled()) {
                thread.interrupt();
            }
        }
        try {
            task.run();
        } finally {
            synchronized (this) {
                workers.remove(thread);
                // A pooled thread must not carry our interrupt into its next task.
                Thread.interrupted();
            }
        }
    }

    public boolean isCancelled() {
        return fired.getCount() == 0;
    }

    /** Waits for the duration; returns false when cancelled (or interrupted) first. */
    public boolean await(Duration duration) {
        try {
            return !fired.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Throws {@link CycleAbandoned} when cancelled. */
    public void check() {
        if (isCancelled()) {
            throw new CycleAbandoned("cancelled");
        }
    }
}
