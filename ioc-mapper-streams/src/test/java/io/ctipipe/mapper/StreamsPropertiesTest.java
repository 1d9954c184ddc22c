package io.ctipipe.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.ConfigSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {
    private static final String PRODUCER_COMPRESSION =
            StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG);

    @Test
    void compressesWhatItProducesWithLz4ByDefault() {
        Properties properties = streamsProperties(Map.of());

        assertThat(properties).containsEntry(PRODUCER_COMPRESSION, "lz4");
    }

    @Test
    void theKafkaPassThroughChoosesAnotherCompression() {
        Properties properties = streamsProperties(Map.of("KAFKA_COMPRESSION_TYPE", "zstd"));

        assertThat(properties).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        assertThat(properties).doesNotContainKey(PRODUCER_COMPRESSION);
    }

    private static Properties streamsProperties(Map<String, String> env) {
        MapperConfig config = MapperConfig.from(ConfigSource.of(Map.of(), env));
        return new IocMappingTopology(config, Clock.systemUTC(), new SimpleMeterRegistry())
                .streamsProperties();
    }
}
