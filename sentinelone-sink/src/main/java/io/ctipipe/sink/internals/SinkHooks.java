package io.ctipipe.sink.internals;

/** Points where tests step into the sink's loop, for instance to crash it mid-cycle. */
public interface SinkHooks {
    SinkHooks NONE = new SinkHooks() {};

    /** On the consumer thread, after a cycle's HTTP calls and before its commit. */
    default void beforeCommit(RunningCycle cycle) {}
}
