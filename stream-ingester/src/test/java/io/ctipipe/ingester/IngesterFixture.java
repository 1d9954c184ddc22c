package io.ctipipe.ingester;

import static org.awaitility.Awaitility.await;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.TopicContents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One test's topics, config and services around an emulator and the shared broker. */
final class IngesterFixture {
    final KafkaBroker broker;
    final OpenCtiEmulator emulator;
    final Topics topics;
    final String connectorId = UUID.randomUUID().toString();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, String> env = new HashMap<>();

    IngesterFixture(KafkaBroker broker, OpenCtiEmulator emulator) {
        this.broker = broker;
        this.emulator = emulator;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.topics =
                new Topics(
                        "events-" + suffix,
                        "state-" + suffix,
                        "iocs-" + suffix,
                        "skipped-" + suffix,
                        "events-dlq-" + suffix,
                        "iocs-dlq-" + suffix,
                        "sink-state-" + suffix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, topics, 2, (short) 1);
        }
        defaults();
    }

    private void defaults() {
        env.put("OPENCTI_URL", emulator.baseUrl() + "/");
        env.put("OPENCTI_TOKEN", emulator.token());
        env.put("CONNECTOR_ID", connectorId);
        env.put("CONNECTOR_LIVE_STREAM_ID", emulator.streamId());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("TOPICS_EVENTS", topics.events());
        env.put("TOPICS_INGESTER_STATE", topics.ingesterState());
        env.put("INGESTER_IDLE_TIMEOUT", "1500ms");
        env.put("INGESTER_RECONNECT_MIN_BACKOFF", "50ms");
        env.put("INGESTER_RECONNECT_MAX_BACKOFF", "400ms");
        env.put("INGESTER_AUTH_RETRY_INTERVAL", "300ms");
        env.put("INGESTER_TRANSACTION_LINGER", "30ms");
        env.put("INGESTER_STATE_HEARTBEAT_INTERVAL", "300ms");
        env.put("INGESTER_CLOCK_SKEW_MARGIN", "0ms");
        env.put("INGESTER_PING_INTERVAL", "300ms");
    }

    IngesterFixture set(String name, String value) {
        env.put(name, value);
        return this;
    }

    IngesterConfig config() {
        return IngesterConfig.from(ConfigSource.of(Map.of(), env));
    }

    StreamIngesterService start() {
        StreamIngesterService service = new StreamIngesterService(config(), registry);
        service.start();
        return service;
    }

    /** Waits until the committed position covers the emulator's newest entry. */
    void awaitCaughtUp(StreamIngesterService service, Duration timeout) {
        StreamPosition last = StreamPosition.parse(emulator.lastEventId());
        await().atMost(timeout)
                .until(
                        () ->
                                service.committedState()
                                        .map(IngesterState::streamPosition)
                                        .filter(p -> !last.isAfter(p))
                                        .isPresent());
    }

    Optional<StreamPosition> committed(StreamIngesterService service) {
        return service.committedState().map(IngesterState::streamPosition);
    }

    double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every committed record of the events topic, by partition then offset. */
    List<Published> published() {
        return TopicContents.committed(broker.bootstrapServers(), topics.events()).stream()
                .map(Published::of)
                .toList();
    }

    /** One record of the events topic. */
    record Published(
            int partition, String key, String event, String id, String stream, byte[] value) {
        static Published of(ConsumerRecord<byte[], byte[]> record) {
            return new Published(
                    record.partition(),
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    header(record, EventHeaders.EVENT),
                    header(record, EventHeaders.EVENT_ID),
                    header(record, EventHeaders.STREAM_ID),
                    record.value());
        }

        private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
            var header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        String data() {
            return new String(value, StandardCharsets.UTF_8);
        }

        boolean isDependency() {
            return data().contains("\"referer\":\"init-dependencies\"");
        }
    }
}
