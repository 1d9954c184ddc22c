package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.stream.StreamPosition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The ingester's meters; names are the Micrometer form of {@code ctipipe_ingester_*}. */
public final class IngesterMetrics {
    /** Events committed to the events topic, tagged by SSE event name. */
    public static final String EVENTS = "ctipipe.ingester.events";

    /** Bytes read from the stream. */
    public static final String BYTES = "ctipipe.ingester.stream.bytes";

    /** Reconnects, tagged by cause (eof, io-error, idle-timeout, http-401, ...). */
    public static final String RECONNECTS = "ctipipe.ingester.reconnects";

    /** Now minus the time in the last SSE id seen, in seconds. */
    public static final String LAG = "ctipipe.ingester.lag.seconds";

    /** Connections that resumed before the oldest retained entry (events were trimmed). */
    public static final String GAPS = "ctipipe.ingester.gaps";

    /** Milliseconds of stream lost to trimming, summed over gaps. */
    public static final String GAP_MILLIS = "ctipipe.ingester.gap.millis";

    /** Kafka transactions, tagged by outcome (committed, aborted). */
    public static final String TRANSACTIONS = "ctipipe.ingester.transactions";

    /** Time of the committed stream position, epoch milliseconds. */
    public static final String POSITION = "ctipipe.ingester.position.millis";

    /** 1 while a stream connection is open. */
    public static final String CONNECTED = "ctipipe.ingester.connected";

    /** Messages dropped because they were at or before the resume position. */
    public static final String REPEATS = "ctipipe.ingester.repeats.dropped";

    /** Gauge values per registry, so that a restarted service in one registry reports live. */
    private static final Map<MeterRegistry, GaugeValues> GAUGES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final MeterRegistry registry;
    private final AtomicLong lastIdMillis;
    private final AtomicLong positionMillis;
    private final AtomicInteger connected;
    private final Counter bytes;
    private final Counter gaps;
    private final Counter gapMillis;
    private final Counter repeats;

    public IngesterMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        GaugeValues values = GAUGES.computeIfAbsent(registry, r -> new GaugeValues());
        this.lastIdMillis = values.lastIdMillis();
        this.positionMillis = values.positionMillis();
        this.connected = values.connected();
        this.bytes = registry.counter(BYTES);
        this.gaps = registry.counter(GAPS);
        this.gapMillis = registry.counter(GAP_MILLIS);
        this.repeats = registry.counter(REPEATS);
        Gauge.builder(LAG, lastIdMillis, last -> lag(clock, last.get()))
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(POSITION, positionMillis, AtomicLong::get).register(registry);
        Gauge.builder(CONNECTED, connected, AtomicInteger::get).register(registry);
    }

    private static double lag(Clock clock, long lastMillis) {
        return lastMillis < 0 ? Double.NaN : Math.max(0, clock.millis() - lastMillis) / 1000.0;
    }

    public void bytes(long count) {
        bytes.increment(count);
    }

    public void seen(StreamPosition id) {
        lastIdMillis.set(id.millis());
    }

    public void reconnect(String cause) {
        registry.counter(RECONNECTS, "cause", cause).increment();
    }

    public void connected(boolean open) {
        connected.set(open ? 1 : 0);
    }

    public void gap(long millis) {
        gaps.increment();
        gapMillis.increment(millis);
    }

    public void repeatDropped() {
        repeats.increment();
    }

    public void committed(StreamPosition position, Map<String, Integer> eventsByType) {
        registry.counter(TRANSACTIONS, "outcome", "committed").increment();
        positionMillis.set(position.millis());
        eventsByType.forEach(
                (type, count) -> registry.counter(EVENTS, "type", type).increment(count));
    }

    public void aborted() {
        registry.counter(TRANSACTIONS, "outcome", "aborted").increment();
    }

    private record GaugeValues(
            AtomicLong lastIdMillis, AtomicLong positionMillis, AtomicInteger connected) {
        GaugeValues() {
            this(new AtomicLong(-1), new AtomicLong(), new AtomicInteger());
        }
    }
}
