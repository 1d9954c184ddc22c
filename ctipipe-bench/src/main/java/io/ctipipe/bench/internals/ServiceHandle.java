package io.ctipipe.bench.internals;

/** One running pipeline service, in its own JVM or in this one. */
interface ServiceHandle extends AutoCloseable {
    /** ingester, mapper or sink. */
    String name();

    /** True once the service reports itself healthy. */
    boolean healthy();

    /** The service's memory now. */
    MemorySample memory();

    /**
     * Heap still in use after a full collection asked for now: what the service really keeps. -1
     * when it cannot be told.
     */
    long liveHeapAfterFullGc();

    /** CPU time the service's JVM has used so far, ms. */
    long cpuMillis();

    /** Stops the service the way a deployment does (SIGTERM, graceful close). */
    @Override
    void close();
}
