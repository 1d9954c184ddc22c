package io.ctipipe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ctipipe.contracts.config.ConfigException;
import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsConfigTest {

    @Test
    void defaultsMatchTheServices() {
        OpsConfig config = OpsConfig.from(ConfigSource.of(Map.of(), Map.of()));

        assertThat(config.mapperGroup()).isEqualTo("ctipipe-mapper");
        assertThat(config.sinkGroup()).isEqualTo("ctipipe-sink");
        assertThat(config.streamId()).isNull();
        assertThat(config.stuckAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.ingesterAliveWithin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.topics().iocsDlq()).isEqualTo("sentinelone.iocs.dlq");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void environmentOverridesTheFileAndKafkaPropertiesPassThrough() {
        Map<String, String> yaml =
                Map.of("sink.group_id", "from-file", "status.stuck_after", "10m");
        Map<String, String> env =
                Map.of(
                        "SINK_GROUP_ID", "from-env",
                        "MAPPER_APPLICATION_ID", "mapper-x",
                        "CONNECTOR_LIVE_STREAM_ID", "live",
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL");

        OpsConfig config = OpsConfig.from(ConfigSource.of(yaml, env));

        assertThat(config.sinkGroup()).isEqualTo("from-env");
        assertThat(config.mapperGroup()).isEqualTo("mapper-x");
        assertThat(config.requireStreamId()).isEqualTo("live");
        assertThat(config.stuckAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.kafka().clientConfig()).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void reportsEveryBadValueAtOnce() {
        Map<String, String> env =
                Map.of("STATUS_STUCK_AFTER", "soon", "REPLAY_INGESTER_ALIVE_WITHIN", "0s");

        assertThatThrownBy(() -> OpsConfig.from(ConfigSource.of(Map.of(), env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("STATUS_STUCK_AFTER")
                .hasMessageContaining("REPLAY_INGESTER_ALIVE_WITHIN");
    }

    @Test
    void aMissingStreamIdIsAClearErrorOnlyWhenNeeded() {
        OpsConfig config = OpsConfig.from(ConfigSource.of(Map.of(), Map.of()));

        assertThatThrownBy(config::requireStreamId)
                .hasMessageContaining(
                        "CONNECTOR_LIVE_STREAM_ID (config.yml connector.live_stream_id)");
    }

    @Test
    void listsEveryKeyItReads() {
        assertThat(OpsConfig.keys())
                .extracting(ConfigKey::env)
                .contains(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "TOPICS_IOCS_DLQ",
                        "MAPPER_APPLICATION_ID",
                        "SINK_GROUP_ID",
                        "CONNECTOR_LIVE_STREAM_ID",
                        "STATUS_STUCK_AFTER",
                        "REPLAY_INGESTER_ALIVE_WITHIN")
                .doesNotHaveDuplicates();
    }
}
