package io.ctipipe.bench.internals;

import io.ctipipe.emulator.sentinelone.ArrivalListener;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * What one phase saw arrive at a SentinelOne emulator: the distinct IOCs (an IOC sent twice, after
 * a retry, counts once), the first and last arrival, and for the IOCs whose event time is known,
 * the latency from the event's stream id to the arrival.
 */
final class ArrivalLog implements ArrivalListener {
    private final Set<String> arrived = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> eventMillis = new ConcurrentHashMap<>();
    private final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator last = new LongAccumulator(Math::max, 0);
    private final LatencySamples latencies = new LatencySamples();

    /** The stream time of the event that creates this Indicator (STIX id). */
    void eventAt(String externalId, long millis) {
        eventMillis.put(externalId, millis);
    }

    @Override
    public void stored(String externalId, String type, String value, Instant at) {
        long millis = at.toEpochMilli();
        if (!arrived.add(externalId + '\u0000' + type + '\u0000' + value)) {
            return;
        }
        first.accumulate(millis);
        last.accumulate(millis);
        Long event = externalId == null ? null : eventMillis.get(externalId);
        if (event != null) {
            latencies.add(millis - event);
        }
    }

    int distinct() {
        return arrived.size();
    }

    /** Epoch ms of the first arrival, or Long.MAX_VALUE before any. */
    long firstMillis() {
        return first.get();
    }

    /** Epoch ms of the last arrival, or 0 before any. */
    long lastMillis() {
        return last.get();
    }

    LatencyStats latency() {
        return LatencyStats.of(latencies.toArray());
    }
}
