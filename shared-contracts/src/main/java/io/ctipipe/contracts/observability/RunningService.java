package io.ctipipe.contracts.observability;

/**
 * A pipeline service as the command-line tool runs it: started once, healthy or not, closed on
 * shutdown (SIGTERM, Ctrl-C, or the end of a quickstart). Closing must be safe at any moment and
 * must leave nothing half-written.
 */
public interface RunningService extends AutoCloseable {
    /** Starts the service's threads and returns; throws if it cannot start. */
    void start();

    Health health();

    @Override
    void close();
}
