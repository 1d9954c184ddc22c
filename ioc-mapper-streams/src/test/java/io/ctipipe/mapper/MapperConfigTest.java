package io.ctipipe.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ctipipe.contracts.config.ConfigException;
import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapperConfigTest {

    @Test
    void appliesTheDocumentedDefaults() {
        MapperConfig config = MapperConfig.from(ConfigSource.of(Map.of(), Map.of()));

        assertThat(config.applicationId()).isEqualTo("ctipipe-mapper");
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.stateDir())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "ctipipe-streams"));
        assertThat(config.connectorName()).isEqualTo("SentinelOne Intel");
        assertThat(config.minScore()).isZero();
        assertThat(config.detectionOnly()).isFalse();
        assertThat(config.excludedMarkingIds()).isEmpty();
        assertThat(config.includeLabels()).isEmpty();
        assertThat(config.topics().events()).isEqualTo("opencti.stream.events");
    }

    @Test
    void readsEnvironmentVariablesOverConfigYml() {
        Map<String, String> yaml = Map.of("mapper.min_score", "10", "mapper.state_dir", "/yaml");
        Map<String, String> env =
                Map.of(
                        "MAPPER_MIN_SCORE", "70",
                        "MAPPER_COMMIT_INTERVAL", "1s",
                        "MAPPER_DETECTION_ONLY", "yes",
                        "MAPPER_INCLUDE_LABELS", "C2, Botnet",
                        "MAPPER_EXCLUDE_LABELS", "test",
                        "CONNECTOR_NAME", "Feed");

        MapperConfig config = MapperConfig.from(ConfigSource.of(yaml, env));

        assertThat(config.minScore()).isEqualTo(70);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.stateDir()).isEqualTo(Path.of("/yaml"));
        assertThat(config.detectionOnly()).isTrue();
        assertThat(config.includeLabels()).containsExactlyInAnyOrder("c2", "botnet");
        assertThat(config.excludeLabels()).containsExactly("test");
        assertThat(config.connectorName()).isEqualTo("Feed");
    }

    @Test
    void resolvesTlpNamesToOpenCtiAndTlp2MarkingIds() {
        String custom = "marking-definition--11111111-2222-3333-4444-555555555555";
        Map<String, String> env = Map.of("MAPPER_EXCLUDE_MARKINGS", "tlp:red, " + custom);

        MapperConfig config = MapperConfig.from(ConfigSource.of(Map.of(), env));

        assertThat(config.excludedMarkingIds())
                .containsExactlyInAnyOrder(
                        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
                        "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
                        custom);
    }

    @Test
    void reportsEveryProblemAtOnceNamingTheVariable() {
        Map<String, String> env =
                Map.of(
                        "MAPPER_MIN_SCORE", "101",
                        "MAPPER_COMMIT_INTERVAL", "soon",
                        "MAPPER_DETECTION_ONLY", "maybe",
                        "MAPPER_EXCLUDE_MARKINGS", "TLP:PURPLE",
                        "MAPPER_APPLICATION_ID", "my mapper");

        ConfigException error =
                catchThrowableOfType(
                        ConfigException.class,
                        () -> MapperConfig.from(ConfigSource.of(Map.of(), env)));

        assertThat(error.problems()).hasSize(5);
        assertThat(error.getMessage())
                .contains("MAPPER_MIN_SCORE", "'101'")
                .contains("MAPPER_COMMIT_INTERVAL", "'soon'")
                .contains("MAPPER_DETECTION_ONLY", "'maybe'")
                .contains("MAPPER_EXCLUDE_MARKINGS", "'TLP:PURPLE'")
                .contains("MAPPER_APPLICATION_ID", "'my mapper'");
    }

    @Test
    void listsEveryKeyItReads() {
        assertThat(MapperConfig.keys())
                .extracting(ConfigKey::env)
                .contains(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "TOPICS_EVENTS",
                        "CONNECTOR_NAME",
                        "MAPPER_APPLICATION_ID",
                        "MAPPER_COMMIT_INTERVAL",
                        "MAPPER_STATE_DIR",
                        "MAPPER_MIN_SCORE",
                        "MAPPER_DETECTION_ONLY",
                        "MAPPER_EXCLUDE_MARKINGS",
                        "MAPPER_INCLUDE_LABELS",
                        "MAPPER_EXCLUDE_LABELS");
    }
}
