package io.ctipipe.emulator.sentinelone;

import java.time.Instant;

/**
 * Told of every IOC the emulator stores, at the instant it is stored (after the injected latency),
 * on the request's thread. For benchmarks that time each IOC's arrival without listing the store.
 * It must be quick and thread-safe: requests run in parallel and wait for it.
 */
@FunctionalInterface
public interface ArrivalListener {
    /** Ignores every arrival. */
    ArrivalListener NONE = (externalId, type, value, at) -> {};

    void stored(String externalId, String type, String value, Instant at);
}
