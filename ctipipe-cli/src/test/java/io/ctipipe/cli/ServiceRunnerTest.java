package io.ctipipe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ctipipe.contracts.config.ConfigException;
import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.config.Secret;
import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.observability.Health;
import io.ctipipe.contracts.observability.RunningService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {
    private final AtomicInteger created = new AtomicInteger();

    record FakeConfig(URI url, Secret token) {}

    private ServiceDefinition<FakeConfig> definition() {
        return definition("localhost:1");
    }

    private ServiceDefinition<FakeConfig> definition(String bootstrap) {
        return new ServiceDefinition<>(
                "fake",
                ServiceEndpoints.SINK_METRICS_PORT,
                reader ->
                        new FakeConfig(
                                reader.url(ConfigKeys.OPENCTI_URL),
                                reader.secret(ConfigKeys.OPENCTI_TOKEN)),
                config -> KafkaSettings.of(bootstrap),
                (config, registry) -> {
                    created.incrementAndGet();
                    return new FakeService();
                },
                List.of(ConfigKeys.OPENCTI_URL, ConfigKeys.OPENCTI_TOKEN));
    }

    @Test
    void reportsEveryProblemBeforeCreatingAnything() {
        ConfigSource source =
                ConfigSource.of(
                        Map.of(),
                        Map.of(
                                "OPENCTI_URL", "not a url",
                                "CONNECTOR_LOG_LEVEL", "loud",
                                "SINK_METRICS_PORT", "99999"));

        assertThatThrownBy(
                        () ->
                                ServiceRunner.start(
                                        definition(), source, ServiceRunner.newRegistry()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OPENCTI_URL")
                .hasMessageContaining("OPENCTI_TOKEN")
                .hasMessageContaining("CONNECTOR_LOG_LEVEL")
                .hasMessageContaining("SINK_METRICS_PORT");
        assertThat(created).hasValue(0);
    }

    @Test
    void aBootstrapHostThatDoesNotResolveNamesTheVariable() {
        ConfigSource source =
                ConfigSource.of(
                        Map.of(),
                        Map.of(
                                "OPENCTI_URL", "http://cti.example/",
                                "OPENCTI_TOKEN", "t",
                                "SINK_METRICS_PORT", "0"));

        assertThatThrownBy(
                        () ->
                                ServiceRunner.start(
                                        definition("kafka.invalid:9092"),
                                        source,
                                        ServiceRunner.newRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS=kafka.invalid:9092");
        assertThat(created).hasValue(0);
    }

    @Test
    void servesHealthAndMetricsOnceStarted() throws Exception {
        ConfigSource source =
                ConfigSource.of(
                        Map.of(),
                        Map.of(
                                "OPENCTI_URL", "http://cti.example/",
                                "OPENCTI_TOKEN", "t",
                                "SINK_METRICS_PORT", "0",
                                "METRICS_HOST", "127.0.0.1",
                                "TOPICS_CREATE", "false"));

        try (ServiceRunner.Started started =
                ServiceRunner.start(definition(), source, ServiceRunner.newRegistry())) {
            int port = started.endpoint().port();

            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            assertThat(get(port, "/metrics").body()).contains("jvm_memory_used_bytes");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static final class FakeService implements RunningService {
        @Override
        public void start() {}

        @Override
        public Health health() {
            return Health.ok();
        }

        @Override
        public void close() {}
    }
}
