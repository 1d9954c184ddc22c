package io.ctipipe.contracts.kafka;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigReader;
import java.util.List;

/**
 * The pipeline's topic names. Defaults follow CONTRACT.md; each is overridable ({@code
 * TOPICS_EVENTS=...}).
 */
public record Topics(
        String events,
        String ingesterState,
        String iocs,
        String skipped,
        String eventsDlq,
        String iocsDlq,
        String sinkState) {

    public static final ConfigKey EVENTS =
            ConfigKey.of("topics.events", "opencti.stream.events", "Raw OpenCTI stream events.");
    public static final ConfigKey INGESTER_STATE =
            ConfigKey.of(
                    "topics.ingester_state",
                    "opencti.ingester.state",
                    "Compacted: the ingester's committed stream position.");
    public static final ConfigKey IOCS =
            ConfigKey.of("topics.iocs", "sentinelone.iocs", "IOC commands for the sink.");
    public static final ConfigKey SKIPPED =
            ConfigKey.of(
                    "topics.skipped",
                    "sentinelone.iocs.skipped",
                    "Indicators that could not be mapped, with the reason.");
    public static final ConfigKey EVENTS_DLQ =
            ConfigKey.of(
                    "topics.events_dlq",
                    "opencti.stream.events.dlq",
                    "Records the mapper could not process.");
    public static final ConfigKey IOCS_DLQ =
            ConfigKey.of(
                    "topics.iocs_dlq", "sentinelone.iocs.dlq", "IOC commands the sink gave up on.");
    public static final ConfigKey SINK_STATE =
            ConfigKey.of(
                    "topics.sink_state",
                    "sentinelone.iocs.uploaded",
                    "Compacted: what the sink has uploaded, per Indicator.");

    /** The names with every default, for tests and tools that take no config. */
    public static Topics defaults() {
        return new Topics(
                EVENTS.defaultValue(),
                INGESTER_STATE.defaultValue(),
                IOCS.defaultValue(),
                SKIPPED.defaultValue(),
                EVENTS_DLQ.defaultValue(),
                IOCS_DLQ.defaultValue(),
                SINK_STATE.defaultValue());
    }

    public static Topics read(ConfigReader reader) {
        return new Topics(
                reader.string(EVENTS),
                reader.string(INGESTER_STATE),
                reader.string(IOCS),
                reader.string(SKIPPED),
                reader.string(EVENTS_DLQ),
                reader.string(IOCS_DLQ),
                reader.string(SINK_STATE));
    }

    public static List<ConfigKey> keys() {
        return List.of(EVENTS, INGESTER_STATE, IOCS, SKIPPED, EVENTS_DLQ, IOCS_DLQ, SINK_STATE);
    }

    /** Every topic, in pipeline order. */
    public List<String> all() {
        return List.of(events, ingesterState, iocs, skipped, eventsDlq, iocsDlq, sinkState);
    }

    /** Topics whose latest record per key is all that matters. */
    public List<String> compacted() {
        return List.of(ingesterState, sinkState);
    }
}
