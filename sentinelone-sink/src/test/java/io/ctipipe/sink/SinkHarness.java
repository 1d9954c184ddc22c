package io.ctipipe.sink;

import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.TopicContents;
import io.ctipipe.sink.internals.SinkHooks;
import io.ctipipe.sink.internals.TestConfigs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/** Topics of its own on the shared broker, a command producer, and sinks started on them. */
final class SinkHarness implements AutoCloseable {
    static final String SOURCE = "OpenCTI test";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaBroker broker;
    private final Topics topics;
    private final String group;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<SentinelOneSinkService> services = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private long produced;

    SinkHarness(KafkaBroker broker, int partitions) {
        this.broker = broker;
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        Topics defaults = Topics.defaults();
        this.topics =
                new Topics(
                        defaults.events() + suffix,
                        defaults.ingesterState() + suffix,
                        defaults.iocs() + suffix,
                        defaults.skipped() + suffix,
                        defaults.eventsDlq() + suffix,
                        defaults.iocsDlq() + suffix,
                        defaults.sinkState() + suffix);
        this.group = "sink-it" + suffix;
        this.admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.bootstrapServers()));
        TopicProvisioner.ensureTopics(admin, topics, partitions, (short) 1);
        this.producer = new KafkaProducer<>(producerConfig());
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    Topics topics() {
        return topics;
    }

    /** Sink settings: fast retries, this harness's topics, group and transactional id. */
    Map<String, String> env(String url, String apiKey, String accountId) {
        Map<String, String> env = TestConfigs.fastEnv(url, apiKey, accountId);
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("TOPICS_IOCS", topics.iocs());
        env.put("TOPICS_IOCS_DLQ", topics.iocsDlq());
        env.put("TOPICS_SINK_STATE", topics.sinkState());
        env.put("SINK_GROUP_ID", group);
        env.put("SINK_TRANSACTIONAL_ID", group + "-tx");
        return env;
    }

    SentinelOneSinkService start(Map<String, String> env) {
        return start(env, SinkHooks.NONE);
    }

    SentinelOneSinkService start(Map<String, String> env, SinkHooks hooks) {
        return start(env, new SimpleMeterRegistry(), hooks);
    }

    SentinelOneSinkService start(Map<String, String> env, MeterRegistry registry) {
        return start(env, registry, SinkHooks.NONE);
    }

    private SentinelOneSinkService start(
            Map<String, String> env, MeterRegistry registry, SinkHooks hooks) {
        producer.flush();
        SinkConfig config = TestConfigs.config(env);
        SentinelOneSinkService service = new SentinelOneSinkService(config, registry, hooks);
        services.add(service);
        service.start();
        return service;
    }

    /** A new eventId, later than every one before. */
    String nextEventId() {
        return clock.incrementAndGet() + "-0";
    }

    static Ioc ioc(String type, String value, String stixId) {
        return new Ioc(
                type,
                value,
                Ioc.METHOD_EQUALS,
                SOURCE,
                stixId,
                "name of " + value,
                null,
                null,
                null,
                List.of("test"),
                null,
                "STIX",
                50);
    }

    void upsert(String indicatorId, String stixId, Ioc... iocs) {
        send(IocCommand.upsert(indicatorId, stixId, nextEventId(), List.of(iocs)));
    }

    void delete(String indicatorId) {
        send(IocCommand.delete(indicatorId, "indicator--gone", nextEventId(), "deleted"));
    }

    void send(IocCommand command) {
        send(command.indicatorId(), IocCommandCodec.encode(command), new RecordHeaders());
    }

    void send(String key, byte[] value, RecordHeaders headers) {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topics.iocs(), null, null, keyBytes, value, headers));
        produced++;
    }

    /** Waits until the sink has committed past every record sent so far. */
    void awaitCommitted() {
        producer.flush();
        Awaitility.await().atMost(PATIENCE).until(() -> committed() >= produced);
    }

    long committed() throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().mapToLong(o -> o == null ? 0 : o.offset()).sum();
    }

    /** Moves the sink's group back to the start of the IOC topic; the sink must be stopped. */
    void resetToEarliest() throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        admin.describeTopics(List.of(topics.iocs()))
                .allTopicNames()
                .get()
                .get(topics.iocs())
                .partitions()
                .forEach(
                        p ->
                                offsets.put(
                                        new TopicPartition(topics.iocs(), p.partition()),
                                        new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }

    /** Every committed record on the dead-letter topic. */
    List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return TopicContents.committed(broker.bootstrapServers(), topics.iocsDlq());
    }

    @Override
    public void close() {
        services.forEach(SentinelOneSinkService::close);
        producer.close();
        admin.close();
    }
}
