package io.ctipipe.mapper.internals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapper's own counters: {@value #RECORDS} (Prometheus {@code ctipipe_mapper_records_total}),
 * one count per output or dropped record, tagged {@code outcome} (upsert, delete, skipped, ignored,
 * dead-lettered) and {@code reason} (the delete reason, the skip reason, the ignore reason, or
 * {@code none}).
 */
public final class MapperMetrics {
    public static final String RECORDS = "ctipipe.mapper.records";

    /** Streams property under which the processing exception handler finds this object. */
    public static final String CONFIG_KEY = "ctipipe.mapper.metrics";

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public MapperMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void upserted() {
        count("upsert", NONE);
    }

    void deleted(String reason) {
        count("delete", reason);
    }

    void skipped(String reason) {
        count("skipped", reason);
    }

    void ignored(String reason) {
        count("ignored", reason);
    }

    void deadLettered() {
        count("dead-lettered", NONE);
    }

    private void count(String outcome, String reason) {
        counters.computeIfAbsent(outcome + "|" + reason, key -> counter(outcome, reason))
                .increment();
    }

    private Counter counter(String outcome, String reason) {
        return Counter.builder(RECORDS)
                .description("Records handled by the IOC mapper, by outcome and reason")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }
}
