package io.ctipipe.mapper;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.mapper.internals.TlpMarkings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the mapper reads, validated in one pass. The filters decide which mappable Indicators
 * reach SentinelOne; an Indicator that stops passing them is deleted there.
 *
 * @param connectorName the IOC {@code source} field ({@code CONNECTOR_NAME})
 * @param excludedMarkingIds the marking ids {@code MAPPER_EXCLUDE_MARKINGS} resolves to
 * @param includeLabels lower-cased; when not empty an Indicator needs one of them
 * @param excludeLabels lower-cased; an Indicator with one of them is filtered out
 */
public record MapperConfig(
        KafkaSettings kafka,
        String applicationId,
        Duration commitInterval,
        Path stateDir,
        String connectorName,
        int minScore,
        boolean detectionOnly,
        Set<String> excludedMarkingIds,
        Set<String> includeLabels,
        Set<String> excludeLabels) {

    public static final ConfigKey MAPPER_COMMIT_INTERVAL =
            ConfigKey.of(
                    "mapper.commit_interval",
                    "200ms",
                    "How often the mapper commits its transaction (latency vs. overhead).");
    public static final ConfigKey MAPPER_STATE_DIR =
            ConfigKey.of(
                    "mapper.state_dir",
                    null,
                    "Kafka Streams state directory; default ctipipe-streams in java.io.tmpdir.");
    public static final ConfigKey MAPPER_MIN_SCORE =
            ConfigKey.of(
                    "mapper.min_score",
                    "0",
                    "Indicators with a lower OpenCTI score (0-100) are not sent, or are deleted.");
    public static final ConfigKey MAPPER_DETECTION_ONLY =
            ConfigKey.of(
                    "mapper.detection_only",
                    "false",
                    "Send only Indicators whose detection flag is on.");
    public static final ConfigKey MAPPER_EXCLUDE_MARKINGS =
            ConfigKey.of(
                    "mapper.exclude_markings",
                    null,
                    "Comma list of marking ids or TLP names (e.g. TLP:RED) to keep out.");
    public static final ConfigKey MAPPER_INCLUDE_LABELS =
            ConfigKey.of(
                    "mapper.include_labels",
                    null,
                    "Comma list; when set, only Indicators with one of these labels are sent.");
    public static final ConfigKey MAPPER_EXCLUDE_LABELS =
            ConfigKey.of(
                    "mapper.exclude_labels",
                    null,
                    "Comma list; Indicators with one of these labels are not sent.");

    private static final int MAX_SCORE = 100;

    public MapperConfig {
        excludedMarkingIds = Set.copyOf(excludedMarkingIds);
        includeLabels = Set.copyOf(includeLabels);
        excludeLabels = Set.copyOf(excludeLabels);
    }

    /** Reads and validates every key; throws one ConfigException listing every problem. */
    public static MapperConfig load(ConfigReader reader) {
        KafkaSettings kafka = KafkaSettings.read(reader);
        MapperConfig config =
                new MapperConfig(
                        kafka,
                        applicationId(reader),
                        reader.duration(MAPPER_COMMIT_INTERVAL),
                        stateDir(reader),
                        reader.string(ConfigKeys.CONNECTOR_NAME),
                        minScore(reader),
                        reader.bool(MAPPER_DETECTION_ONLY),
                        markings(reader),
                        labels(reader, MAPPER_INCLUDE_LABELS),
                        labels(reader, MAPPER_EXCLUDE_LABELS));
        reader.throwIfInvalid();
        return config;
    }

    public static MapperConfig from(ConfigSource source) {
        return load(new ConfigReader(source));
    }

    /** Every key the mapper reads, for the docs and the docker-compose check. */
    public static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>();
        keys.add(KafkaSettings.BOOTSTRAP_SERVERS);
        keys.addAll(Topics.keys());
        keys.add(ConfigKeys.CONNECTOR_NAME);
        keys.addAll(
                List.of(
                        ConfigKeys.MAPPER_APPLICATION_ID,
                        MAPPER_COMMIT_INTERVAL,
                        MAPPER_STATE_DIR,
                        MAPPER_MIN_SCORE,
                        MAPPER_DETECTION_ONLY,
                        MAPPER_EXCLUDE_MARKINGS,
                        MAPPER_INCLUDE_LABELS,
                        MAPPER_EXCLUDE_LABELS));
        return List.copyOf(keys);
    }

    public Topics topics() {
        return kafka.topics();
    }

    private static String applicationId(ConfigReader reader) {
        String id = reader.string(ConfigKeys.MAPPER_APPLICATION_ID);
        if (!id.isEmpty() && !id.matches("[A-Za-z0-9._-]+")) {
            reader.problem(
                    ConfigKeys.MAPPER_APPLICATION_ID.displayName()
                            + ": expected letters, digits, '.', '_' or '-', got '"
                            + id
                            + "'");
        }
        return id;
    }

    private static Path stateDir(ConfigReader reader) {
        Optional<String> given = reader.optionalString(MAPPER_STATE_DIR);
        return given.map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "ctipipe-streams"));
    }

    private static int minScore(ConfigReader reader) {
        int score = reader.nonNegativeInt(MAPPER_MIN_SCORE);
        if (score > MAX_SCORE) {
            reader.problem(
                    MAPPER_MIN_SCORE.displayName()
                            + ": expected a score from 0 to 100, got '"
                            + score
                            + "'");
        }
        return score;
    }

    private static Set<String> markings(ConfigReader reader) {
        Set<String> ids = new LinkedHashSet<>();
        for (String entry : reader.list(MAPPER_EXCLUDE_MARKINGS)) {
            Optional<Set<String>> resolved = TlpMarkings.resolve(entry);
            if (resolved.isPresent()) {
                ids.addAll(resolved.get());
            } else {
                reader.problem(
                        MAPPER_EXCLUDE_MARKINGS.displayName()
                                + ": expected marking-definition--<uuid> or a TLP name such as"
                                + " TLP:RED, got '"
                                + entry
                                + "'");
            }
        }
        return ids;
    }

    private static Set<String> labels(ConfigReader reader, ConfigKey key) {
        Set<String> labels = new LinkedHashSet<>();
        reader.list(key).forEach(label -> labels.add(label.toLowerCase(Locale.ROOT)));
        return labels;
    }
}
