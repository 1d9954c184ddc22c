package io.ctipipe.ops;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operations commands read, validated in one pass: the Kafka client settings and topics
 * the services use, the two consumer groups (the mapper's and the sink's own keys, from {@link
 * ConfigKeys}), the live stream id, and the status and replay thresholds.
 *
 * @param mapperGroup the mapper's consumer group ({@code MAPPER_APPLICATION_ID})
 * @param sinkGroup the sink's consumer group ({@code SINK_GROUP_ID})
 * @param streamId the ingester's stream id ({@code CONNECTOR_LIVE_STREAM_ID}), null when unset
 * @param stuckAfter how long work may wait without a commit before status calls a stage stuck
 * @param ingesterAliveWithin an ingester state younger than this means a running ingester
 */
public record OpsConfig(
        KafkaSettings kafka,
        String mapperGroup,
        String sinkGroup,
        String streamId,
        Duration stuckAfter,
        Duration ingesterAliveWithin) {

    public static final ConfigKey STATUS_STUCK_AFTER =
            ConfigKey.of(
                    "status.stuck_after",
                    "5m",
                    "ctipipe status: a stage whose work waits this long without a commit is"
                            + " stuck.");

    public static final ConfigKey REPLAY_INGESTER_ALIVE_WITHIN =
            ConfigKey.of(
                    "replay.ingester_alive_within",
                    "30s",
                    "ctipipe replay: an ingester state written this recently means the ingester"
                            + " runs, and the rewind is refused without --force.");

    /** Reads and validates every key; throws ConfigException listing every problem. */
    public static OpsConfig load(ConfigReader reader) {
        OpsConfig config =
                new OpsConfig(
                        KafkaSettings.read(reader),
                        reader.string(ConfigKeys.MAPPER_APPLICATION_ID),
                        reader.string(ConfigKeys.SINK_GROUP_ID),
                        reader.optionalString(ConfigKeys.CONNECTOR_LIVE_STREAM_ID).orElse(null),
                        positive(reader, STATUS_STUCK_AFTER),
                        positive(reader, REPLAY_INGESTER_ALIVE_WITHIN));
        reader.throwIfInvalid();
        return config;
    }

    public static OpsConfig from(ConfigSource source) {
        return load(new ConfigReader(source));
    }

    /** Every key the operations commands read. */
    public static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>();
        keys.add(KafkaSettings.BOOTSTRAP_SERVERS);
        keys.addAll(Topics.keys());
        keys.addAll(
                List.of(
                        ConfigKeys.MAPPER_APPLICATION_ID,
                        ConfigKeys.SINK_GROUP_ID,
                        ConfigKeys.CONNECTOR_LIVE_STREAM_ID,
                        STATUS_STUCK_AFTER,
                        REPLAY_INGESTER_ALIVE_WITHIN));
        return List.copyOf(keys);
    }

    public Topics topics() {
        return kafka.topics();
    }

    /** The stream id, or a clear error naming the variable to set. */
    public String requireStreamId() {
        if (streamId == null) {
            throw new IllegalStateException(
                    ConfigKeys.CONNECTOR_LIVE_STREAM_ID.displayName()
                            + " is not set: it names the stream whose position to rewrite");
        }
        return streamId;
    }

    /** A duration above zero; a value that does not parse is reported once, not twice. */
    private static Duration positive(ConfigReader reader, ConfigKey key) {
        Duration duration = reader.duration(key);
        if (duration.isZero() && !reader.hasProblem(key)) {
            reader.problem(key.displayName() + ": expected a duration above zero, got 0");
        }
        return duration;
    }
}
