package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.indicator;
import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.ioc.IocAction;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.SkipHeaders;
import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class IocMapperServiceIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String IDENTITY =
            "{\"version\":\"4\",\"data\":{\"type\":\"identity\",\"id\":\"identity--1\"}}";

    @TempDir Path stateDir;

    @Test
    void mapsAMixOfEventsEndToEndUnderExactlyOnce(KafkaBroker broker) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = topics(suffix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, topics, 2, (short) 1);
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IndicatorJson ip = ipv4("id-1", "203.0.113.42");
        IndicatorJson yara = indicator("id-3", "rule x {}").set("pattern_type", "yara");

        try (IocMapperService service =
                new IocMapperService(config(broker, topics, suffix), registry)) {
            service.start();
            produce(
                    broker,
                    topics.events(),
                    List.of(
                            event("create", "id-1", ip.envelope("create")),
                            event(
                                    "create",
                                    "id-2",
                                    ipv4("id-2", "198.51.100.7").envelope("create")),
                            event("create", "id-3", yara.envelope("create")),
                            event("create", "identity-1", utf8(IDENTITY)),
                            event("create", "id-5", utf8("{broken")),
                            event("update", "id-1", ip.revoked(true).envelope("update"))));

            Map<String, List<IocCommand>> commands = commandsByKey(broker, topics.iocs(), 4);
            List<ConsumerRecord<byte[], byte[]>> skipped = read(broker, topics.skipped(), 1);
            List<ConsumerRecord<byte[], byte[]>> dead = read(broker, topics.eventsDlq(), 1);

            assertThat(commands.get("id-1"))
                    .extracting(IocCommand::action, IocCommand::reason)
                    .containsExactly(
                            tuple(IocAction.UPSERT, null), tuple(IocAction.DELETE, "revoked"));
            assertThat(commands.get("id-2").get(0).iocs().get(0).value()).isEqualTo("198.51.100.7");
            assertThat(commands.get("id-3").get(0).reason()).isEqualTo("unmappable");
            assertThat(commands).doesNotContainKey("identity-1");
            assertThat(text(skipped.get(0).headers().lastHeader(SkipHeaders.REASON).value()))
                    .isEqualTo("unsupported-pattern-type");
            assertThat(text(dead.get(0).value())).isEqualTo("{broken");
            assertThat(service.health().up()).isTrue();
            assertThat(registry.getMeters())
                    .anyMatch(meter -> meter.getId().getName().startsWith("kafka.stream"));
        }
    }

    @Test
    void routesMultiMegabyteEventsToTheDeadLetterAndSkippedTopicsAndKeepsRunning(
            KafkaBroker broker) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = topics(suffix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, topics, 1, (short) 1);
        }
        String big = "x".repeat(3 * 1024 * 1024);
        byte[] broken = utf8("{\"version\":\"4\",\"data\":\"" + big);
        byte[] unmappable = indicator("id-2", "[" + big + "]").envelope("create");

        try (IocMapperService service =
                new IocMapperService(config(broker, topics, suffix), new SimpleMeterRegistry())) {
            service.start();
            produce(
                    broker,
                    topics.events(),
                    List.of(
                            event("create", "id-1", broken),
                            event("create", "id-2", unmappable),
                            event(
                                    "create",
                                    "id-3",
                                    ipv4("id-3", "203.0.113.9").envelope("create"))));

            Map<String, List<IocCommand>> commands = commandsByKey(broker, topics.iocs(), 2);
            List<ConsumerRecord<byte[], byte[]>> dead = read(broker, topics.eventsDlq(), 1);
            List<ConsumerRecord<byte[], byte[]>> skipped = read(broker, topics.skipped(), 1);

            assertThat(dead.get(0).value()).isEqualTo(broken);
            assertThat(skipped.get(0).value()).isEqualTo(unmappable);
            assertThat(commands.get("id-3").get(0).iocs().get(0).value()).isEqualTo("203.0.113.9");
            assertThat(service.health().up()).isTrue();
        }
    }

    private MapperConfig config(KafkaBroker broker, Topics topics, String suffix) {
        Map<String, String> yaml = new HashMap<>();
        yaml.put("kafka.bootstrap.servers", broker.bootstrapServers());
        yaml.put("topics.events", topics.events());
        yaml.put("topics.ingester_state", topics.ingesterState());
        yaml.put("topics.iocs", topics.iocs());
        yaml.put("topics.skipped", topics.skipped());
        yaml.put("topics.events_dlq", topics.eventsDlq());
        yaml.put("topics.iocs_dlq", topics.iocsDlq());
        yaml.put("topics.sink_state", topics.sinkState());
        yaml.put("mapper.application_id", "mapper-it-" + suffix);
        yaml.put("mapper.commit_interval", "100ms");
        yaml.put("mapper.state_dir", stateDir.toString());
        return MapperConfig.from(ConfigSource.of(yaml, Map.of()));
    }

    private static Topics topics(String suffix) {
        return new Topics(
                "events-" + suffix,
                "ingester-state-" + suffix,
                "iocs-" + suffix,
                "skipped-" + suffix,
                "events-dlq-" + suffix,
                "iocs-dlq-" + suffix,
                "sink-state-" + suffix);
    }

    private static ProducerRecord<String, byte[]> event(String name, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("", key, value);
        record.headers().add(EventHeaders.EVENT, name.getBytes(StandardCharsets.UTF_8));
        String eventId = System.nanoTime() + "-0";
        record.headers().add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static void produce(
            KafkaBroker broker, String topic, List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(
                        new ProducerRecord<>(
                                topic, null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
    }

    private static Map<String, List<IocCommand>> commandsByKey(
            KafkaBroker broker, String topic, int expected) {
        Map<String, List<IocCommand>> commands = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : read(broker, topic, expected)) {
            commands.computeIfAbsent(text(record.key()), key -> new ArrayList<>())
                    .add(IocCommandCodec.decode(record.value()));
        }
        return commands;
    }

    /** Reads committed records only, until {@code expected} have arrived. */
    private static List<ConsumerRecord<byte[], byte[]>> read(
            KafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE)
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                                return records.size() >= expected;
                            });
        }
        return records;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
