package io.ctipipe.ops;

import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.TopicContents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;

/**
 * One test's own pipeline on the shared broker: topics, groups and a stream id with a random
 * suffix, a config.yml naming them, and helpers to produce, commit and read what the services
 * would. Closes its Admin client.
 */
final class TestPipeline implements AutoCloseable {
    final KafkaBroker broker;
    final Topics topics;
    final String mapperGroup;
    final String sinkGroup;
    final String streamId;
    final Admin admin;
    private final Path dir;

    TestPipeline(KafkaBroker broker, Path dir, int partitions) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.broker = broker;
        this.dir = dir;
        this.topics =
                new Topics(
                        "events-" + suffix,
                        "ingester-state-" + suffix,
                        "iocs-" + suffix,
                        "skipped-" + suffix,
                        "events-dlq-" + suffix,
                        "iocs-dlq-" + suffix,
                        "sink-state-" + suffix);
        this.mapperGroup = "mapper-" + suffix;
        this.sinkGroup = "sink-" + suffix;
        this.streamId = "stream-" + suffix;
        this.admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
        TopicProvisioner.ensureTopics(admin, topics, partitions, (short) 1);
    }

    /** A config.yml for the commands, with extra {@code section.key: value} lines. */
    Path config(Map<String, String> extra) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("topics.events", topics.events());
        settings.put("topics.ingester_state", topics.ingesterState());
        settings.put("topics.iocs", topics.iocs());
        settings.put("topics.skipped", topics.skipped());
        settings.put("topics.events_dlq", topics.eventsDlq());
        settings.put("topics.iocs_dlq", topics.iocsDlq());
        settings.put("topics.sink_state", topics.sinkState());
        settings.put("mapper.application_id", mapperGroup);
        settings.put("sink.group_id", sinkGroup);
        settings.put("connector.live_stream_id", streamId);
        settings.putAll(extra);
        StringBuilder yaml = new StringBuilder();
        settings.forEach(
                (key, value) -> yaml.append(key).append(": \"").append(value).append("\"\n"));
        Path file = Files.createTempFile(dir, "config", ".yml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    Path config() throws IOException {
        return config(Map.of());
    }

    /** What a command printed and returned; errors are one line on err, as the CLI does it. */
    record Run(int exitCode, String out, String err) {}

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    cmd.getErr().println(e.getMessage());
                    return 1;
                });
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Sends and waits; a null timestamp means now. */
    void send(ProducerRecord<byte[], byte[]> record) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String topic, int partition, Long timestamp, String key, String value) {
        send(
                new ProducerRecord<>(
                        topic,
                        partition,
                        timestamp,
                        key == null ? null : utf8(key),
                        value == null ? null : utf8(value)));
    }

    /** Commits offsets for an inactive group, as a stopped service would have left them. */
    void commit(String group, String topic, Map<Integer, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> request = new TreeMap<>(TestPipeline::byPartition);
        offsets.forEach(
                (p, o) -> request.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
        admin.alterConsumerGroupOffsets(group, request).all().get();
    }

    Map<Integer, Long> committed(String group) throws Exception {
        Map<Integer, Long> offsets = new TreeMap<>();
        admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .forEach((tp, om) -> offsets.put(tp.partition(), om.offset()));
        return offsets;
    }

    /** Every committed record of a topic, partition by partition. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TopicContents.committed(broker.bootstrapServers(), topic);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int byPartition(TopicPartition left, TopicPartition right) {
        return Integer.compare(left.partition(), right.partition());
    }

    @Override
    public void close() {
        admin.close();
    }
}
