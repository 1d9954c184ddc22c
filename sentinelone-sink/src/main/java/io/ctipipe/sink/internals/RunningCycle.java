package io.ctipipe.sink.internals;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An upload cycle in progress, as the consumer thread sees it: its input, its future result, the
 * handle to cancel it, and the in-flight markers it committed (to remember them when the cycle is
 * abandoned).
 */
public final class RunningCycle {
    private final CycleInput input;
    private final Cancellation cancellation = new Cancellation();
    private volatile List<StateUpdate> marked = List.of();
    private CompletableFuture<CycleOutcome> future;

    RunningCycle(CycleInput input) {
        this.input = input;
    }

    public CycleInput input() {
        return input;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public CompletableFuture<CycleOutcome> future() {
        return future;
    }

    void started(CompletableFuture<CycleOutcome> running) {
        this.future = running;
    }

    /** The markers committed so far; empty until the marker transaction committed. */
    public List<StateUpdate> marked() {
        return marked;
    }

    void marked(List<StateUpdate> updates) {
        this.marked = List.copyOf(updates);
    }
}
