package io.ctipipe.contracts.kafka;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigReader;
import java.util.List;
import java.util.Optional;

/**
 * Whether and how a service creates the pipeline's missing topics at start-up. Partitions and
 * replication factor default to the broker's own defaults ({@code num.partitions}, {@code
 * default.replication.factor}).
 */
public record TopicCreation(
        boolean enabled, Optional<Integer> partitions, Optional<Short> replicas) {
    public static final ConfigKey TOPICS_CREATE =
            ConfigKey.of("topics.create", "true", "Create missing topics at start-up.");
    public static final ConfigKey TOPICS_PARTITIONS =
            ConfigKey.of(
                    "topics.partitions", null, "Partitions of created topics (broker default).");
    public static final ConfigKey TOPICS_REPLICATION_FACTOR =
            ConfigKey.of(
                    "topics.replication_factor",
                    null,
                    "Replication factor of created topics (broker default).");

    public static TopicCreation read(ConfigReader reader) {
        boolean enabled = reader.bool(TOPICS_CREATE);
        Optional<Integer> partitions =
                reader.optionalString(TOPICS_PARTITIONS)
                        .map(x -> reader.positiveInt(TOPICS_PARTITIONS));
        Optional<Short> replicas =
                reader.optionalString(TOPICS_REPLICATION_FACTOR)
                        .map(x -> (short) reader.positiveInt(TOPICS_REPLICATION_FACTOR));
        return new TopicCreation(enabled, partitions, replicas);
    }

    public static List<ConfigKey> keys() {
        return List.of(TOPICS_CREATE, TOPICS_PARTITIONS, TOPICS_REPLICATION_FACTOR);
    }
}
