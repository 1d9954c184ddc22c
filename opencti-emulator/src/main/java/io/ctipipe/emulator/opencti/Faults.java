package io.ctipipe.emulator.opencti;

import java.time.Duration;

/**
 * Fault injection at run time. Every fault is something a real platform or network does: the client
 * under test must survive all of them without losing or repeating an event.
 */
public interface Faults {
    /**
     * Aborts every connection after each {@code messages} data messages it has sent (dependencies
     * included), in the middle of writing the next one, without closing the chunked body: the
     * client sees a truncated message and a broken connection. 0 turns it off.
     */
    void dropEvery(int messages);

    /** Aborts every open connection now, mid-message. */
    void dropOpenConnections();

    /** Ends every open connection now with a clean end of stream, as a platform restart does. */
    void closeOpenConnections();

    /**
     * The connections open now stop sending anything, heartbeats included, for the given time and
     * are then aborted: a half-open connection as a client sees it.
     */
    void halfOpenNow(Duration silence);

    /** One-shot: the first connection to reach {@code messages} data messages goes silent. */
    void halfOpenAfter(int messages, Duration silence);

    /** New requests (stream and GraphQL) are answered with this status for the period. */
    void reject(int status, Duration period);

    /** Stops sending on every connection, like a client that does not read; nothing buffers. */
    void pause();

    void resume();

    /**
     * Sends a heartbeat between an entry's dependencies and the entry itself, with the same id, as
     * the platform's timer can.
     */
    void heartbeatInsideGroups(boolean enabled);

    /** GraphQL requests fail with 500 while enabled. */
    void failGraphql(boolean enabled);

    /** Turns every fault off and resumes paused connections. */
    void clear();
}
