package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.sink.SinkConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {
    private final Map<String, String> env =
            new HashMap<>(
                    Map.of(
                            "SENTINELONE_URL", "https://console.example.net/",
                            "SENTINELONE_API_KEY", "APIToken abc123",
                            "SENTINELONE_ACCOUNT_ID", "1000000000000000001"));

    @Test
    void compressesStatesWithLz4ByDefault() {
        Map<String, Object> properties = producerConfig();

        assertThat(properties).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    @Test
    void theKafkaPassThroughChoosesAnotherCompression() {
        env.put("KAFKA_COMPRESSION_TYPE", "none");

        Map<String, Object> properties = producerConfig();

        assertThat(properties).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    }

    private Map<String, Object> producerConfig() {
        return SinkClients.producerConfig(SinkConfig.from(ConfigSource.of(Map.of(), env)));
    }
}
