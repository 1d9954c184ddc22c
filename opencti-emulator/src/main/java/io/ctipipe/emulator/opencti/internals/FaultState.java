package io.ctipipe.emulator.opencti.internals;

import io.ctipipe.emulator.opencti.FaultPlan;
import io.ctipipe.emulator.opencti.Faults;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The fault switches sessions and handlers read; times are {@link System#nanoTime()}. */
public final class FaultState implements Faults {
    private final Object pauseMonitor = new Object();
    private final AtomicLong dropGeneration = new AtomicLong();
    private final AtomicLong closeGeneration = new AtomicLong();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicReference<Silence> silence = new AtomicReference<>();
    private final AtomicReference<HalfOpenShot> halfOpenShot = new AtomicReference<>();
    private volatile int dropEvery;
    private volatile Rejection rejection;
    private volatile boolean paused;
    private volatile boolean heartbeatInsideGroups;
    private volatile boolean graphqlFailing;

    public FaultState(FaultPlan plan) {
        dropEvery = plan.dropEvery();
        heartbeatInsideGroups = plan.heartbeatInsideGroups();
        if (plan.halfOpenAfter() > 0) {
            halfOpenAfter(plan.halfOpenAfter(), plan.halfOpenFor());
        }
        if (plan.rejectStatus() > 0) {
            reject(plan.rejectStatus(), plan.rejectFor());
        }
    }

    @Override
    public void dropEvery(int messages) {
        dropEvery = Math.max(0, messages);
    }

    @Override
    public void dropOpenConnections() {
        dropGeneration.incrementAndGet();
    }

    @Override
    public void closeOpenConnections() {
        closeGeneration.incrementAndGet();
    }

    @Override
    public void halfOpenNow(Duration duration) {
        long now = System.nanoTime();
        silence.set(new Silence(now, now + duration.toNanos()));
    }

    @Override
    public void halfOpenAfter(int messages, Duration duration) {
        halfOpenShot.set(new HalfOpenShot(messages, duration));
    }

    @Override
    public void reject(int status, Duration period) {
        rejection = new Rejection(status, System.nanoTime() + period.toNanos());
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        synchronized (pauseMonitor) {
            paused = false;
            pauseMonitor.notifyAll();
        }
    }

    @Override
    public void heartbeatInsideGroups(boolean enabled) {
        heartbeatInsideGroups = enabled;
    }

    @Override
    public void failGraphql(boolean enabled) {
        graphqlFailing = enabled;
    }

    @Override
    public void clear() {
        dropEvery = 0;
        rejection = null;
        silence.set(null);
        halfOpenShot.set(null);
        heartbeatInsideGroups = false;
        graphqlFailing = false;
        resume();
    }

    int dropEvery() {
        return dropEvery;
    }

    long dropGeneration() {
        return dropGeneration.get();
    }

    long closeGeneration() {
        return closeGeneration.get();
    }

    boolean heartbeatInsideGroups() {
        return heartbeatInsideGroups;
    }

    boolean graphqlFailing() {
        return graphqlFailing;
    }

    /** The status to answer now instead of serving, or 0. */
    int rejectionStatus() {
        Rejection current = rejection;
        return current != null && System.nanoTime() < current.untilNanos() ? current.status() : 0;
    }

    /** How long a session opened at startedNanos must stay silent now, in nanos (0: none). */
    long silenceFor(long startedNanos) {
        Silence current = silence.get();
        long now = System.nanoTime();
        if (current == null
                || startedNanos > current.issuedNanos()
                || now >= current.untilNanos()) {
            return 0;
        }
        return current.untilNanos() - now;
    }

    /** Claims the one-shot half-open fault when a session reached its message count. */
    Duration claimHalfOpen(int messagesSent) {
        HalfOpenShot shot = halfOpenShot.get();
        if (shot == null || messagesSent < shot.messages()) {
            return Duration.ZERO;
        }
        return halfOpenShot.compareAndSet(shot, null) ? shot.silence() : Duration.ZERO;
    }

    void awaitUnpaused() throws InterruptedException {
        synchronized (pauseMonitor) {
            if (!paused) {
                return;
            }
            held.incrementAndGet();
            try {
                while (paused) {
                    pauseMonitor.wait(100);
                }
            } finally {
                held.decrementAndGet();
            }
        }
    }

    /** How many connections wait in a pause now: they read and send nothing until resumed. */
    public int heldByPause() {
        return held.get();
    }

    private record Rejection(int status, long untilNanos) {}

    private record Silence(long issuedNanos, long untilNanos) {}

    private record HalfOpenShot(int messages, Duration silence) {}
}
