package io.ctipipe.ingester.internals;

import java.time.Duration;
import java.time.Instant;

/**
 * How the reader retries, and the recover date in force.
 *
 * @param recoverUntil recover is sent while the position is not later than this; null for off
 * @param permanentRetry the slow retry interval after configuration errors
 */
public record ReaderSettings(
        ReconnectBackoff backoff, Sleeper sleeper, Duration permanentRetry, Instant recoverUntil) {}
