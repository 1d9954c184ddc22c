package io.ctipipe.sink.internals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The sink's meters; Prometheus shows them as {@code ctipipe_sink_...} (for example {@code
 * ctipipe_sink_iocs_uploaded_total}).
 */
public final class SinkMetrics {
    public static final String IOCS_UPLOADED = "ctipipe.sink.iocs.uploaded";
    public static final String IOCS_DELETED = "ctipipe.sink.iocs.deleted";

    /** POST requests that ended, by outcome: accepted, rejected, exhausted. */
    public static final String BATCHES = "ctipipe.sink.batches";

    /** HTTP requests made, by operation: create, delete, find. */
    public static final String API_ATTEMPTS = "ctipipe.sink.api.attempts";

    /** Retries, by operation and cause: io, timeout, http_429, http_408, http_5xx, auth, tls. */
    public static final String API_RETRIES = "ctipipe.sink.api.retries";

    public static final String API_LATENCY = "ctipipe.sink.api.latency";

    /** Records written to the dead-letter topic, by error class. */
    public static final String DLQ_RECORDS = "ctipipe.sink.dlq.records";

    /** Commands read, by result: applied, stale, superseded, failed. */
    public static final String COMMANDS = "ctipipe.sink.commands";

    private final MeterRegistry registry;

    public SinkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void uploaded(int count) {
        registry.counter(IOCS_UPLOADED).increment(count);
    }

    void deleted(int count) {
        registry.counter(IOCS_DELETED).increment(count);
    }

    void batch(String outcome) {
        registry.counter(BATCHES, "outcome", outcome).increment();
    }

    void attempt(String operation) {
        registry.counter(API_ATTEMPTS, "operation", operation).increment();
    }

    void retry(String operation, String cause) {
        registry.counter(API_RETRIES, "operation", operation, "cause", cause).increment();
    }

    void latency(String operation, Duration duration) {
        Timer.builder(API_LATENCY)
                .tag("operation", operation)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)
                .record(duration);
    }

    void deadLettered(String errorClass) {
        registry.counter(DLQ_RECORDS, "error_class", errorClass).increment();
    }

    void commands(String result, int count) {
        if (count > 0) {
            Counter.builder(COMMANDS).tag("result", result).register(registry).increment(count);
        }
    }
}
