package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.kafka.TopicCreation;
import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.observability.LogSettings;
import io.ctipipe.contracts.observability.ObservabilityServer;
import io.ctipipe.contracts.observability.RunningService;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service as production does: validate the whole config before any client exists, log it
 * once, serve metrics and health, start, and close cleanly on SIGTERM or Ctrl-C.
 */
public final class ServiceRunner {
    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {}

    /** A started service with its metrics and health endpoint; closing stops both. */
    public record Started(RunningService service, ObservabilityServer endpoint, String name)
            implements AutoCloseable {
        @Override
        public void close() {
            service.close();
            endpoint.close();
            log.info("Stopped service={}", name);
        }
    }

    static <C> int runUntilStopped(ServiceDefinition<C> definition, ConfigSource source)
            throws InterruptedException {
        Started started = start(definition, source, newRegistry());
        new ShutdownLatch().awaitThen(started::close);
        return 0;
    }

    public static <C> Started start(
            ServiceDefinition<C> definition,
            ConfigSource source,
            PrometheusMeterRegistry registry) {
        ConfigReader reader = new ConfigReader(source);
        String level =
                reader.oneOf(
                        ConfigKeys.CONNECTOR_LOG_LEVEL,
                        "info",
                        "trace",
                        "debug",
                        "warn",
                        "warning",
                        "error");
        String format = reader.oneOf(ConfigKeys.LOG_FORMAT, "plain", "json");
        C config = definition.readConfig().apply(reader);
        TopicCreation topicCreation = TopicCreation.read(reader);
        String host = reader.string(ServiceEndpoints.METRICS_HOST);
        int port = reader.port(definition.metricsPort());
        reader.throwIfInvalid();

        LogSettings.apply(level, format);
        log.info("Configuration valid service={}", definition.name());
        if (topicCreation.enabled()) {
            createMissingTopics(definition.kafka().apply(config), topicCreation);
        }
        RunningService service = definition.create().apply(config, registry);
        ObservabilityServer endpoint = serve(definition.name(), host, port, registry, service);
        service.start();
        return new Started(service, endpoint, definition.name());
    }

    private static void createMissingTopics(KafkaSettings kafka, TopicCreation creation) {
        Map<String, Object> config = kafka.clientConfig();
        // Fail start-up within seconds, not the client's minute, when Kafka is unreachable.
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            TopicProvisioner.ensureTopics(
                    admin, kafka.topics(), creation.partitions(), creation.replicas());
        } catch (IllegalStateException | KafkaException e) {
            // KafkaException: the client refused the settings, such as a host name that does
            // not resolve ("No resolvable bootstrap urls").
            throw new IllegalStateException(
                    "cannot create or check the topics on Kafka at KAFKA_BOOTSTRAP_SERVERS="
                            + kafka.bootstrapServers()
                            + " (is it reachable, and are KAFKA_SECURITY_PROTOCOL and the"
                            + " credentials right?)",
                    e);
        }
    }

    private static ObservabilityServer serve(
            String name,
            String host,
            int port,
            PrometheusMeterRegistry registry,
            RunningService service) {
        try {
            return ObservabilityServer.start(name, host, port, registry, service::health);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serve metrics for " + name + " on " + host + ":" + port, e);
        }
    }

    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }
}
