package io.ctipipe.ingester.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.ingester.IngesterConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {
    private final Map<String, String> env =
            new HashMap<>(
                    Map.of(
                            "OPENCTI_URL", "http://localhost:8080/",
                            "OPENCTI_TOKEN", "token",
                            "CONNECTOR_ID", "7e1f0c3a-2b4d-4e5f-8a6b-9c0d1e2f3a4b",
                            "CONNECTOR_LIVE_STREAM_ID", "live"));

    @Test
    void compressesRawEventsWithLz4ByDefault() {
        Map<String, Object> properties = producerConfig();

        assertThat(properties).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    @Test
    void theKafkaPassThroughChoosesAnotherCompression() {
        env.put("KAFKA_COMPRESSION_TYPE", "zstd");

        Map<String, Object> properties = producerConfig();

        assertThat(properties).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }

    private Map<String, Object> producerConfig() {
        IngesterConfig config = IngesterConfig.from(ConfigSource.of(Map.of(), env));
        return TransactionalPublisher.producerConfig(config);
    }
}
