package io.ctipipe.mapper.internals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapper's own counters: {@value #RECORDS} (Prometheus {@code ctipipe_mapper_records_total}),
 * one count per output or dropped record, tagged {@code outcome} (upsert, delete, skipped, ignored,
 * dead-lettered) and {@code reason} (the delete reason, the skip reason, the ignore reason, or
 * {@code none}); and {@value #OR_BRANCHES_DROPPED} (Prometheus {@code
 * ctipipe_mapper_or_branches_dropped_total}), one count per comparison an upserted Indicator's OR
 * left out, tagged {@code reason} (the skip reason of that comparison).
 */
public final class MapperMetrics {
    public static final String RECORDS = "ctipipe.mapper.records";
    public static final String OR_BRANCHES_DROPPED = "ctipipe.mapper.or.branches.dropped";

    /** Streams property under which the processing exception handler finds this object. */
    public static final String CONFIG_KEY = "ctipipe.mapper.metrics";

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<SkipReason, Counter> droppedBranches = new ConcurrentHashMap<>();

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

    void orBranchDropped(SkipReason reason) {
        droppedBranches.computeIfAbsent(reason, this::droppedBranchCounter).increment();
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

    private Counter droppedBranchCounter(SkipReason reason) {
        return Counter.builder(OR_BRANCHES_DROPPED)
                .description("Comparisons left out of an OR because they cannot be IOCs, by reason")
                .tag("reason", reason.code())
                .register(registry);
    }
}
