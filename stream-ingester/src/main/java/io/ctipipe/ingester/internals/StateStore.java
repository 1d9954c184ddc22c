package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.stream.IngesterState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads the stream's last committed state from the compacted state topic. Only committed
 * transactions count (read_committed). It reads the key's partition backwards from the end in
 * growing windows, so start-up stays fast however long the uncompacted tail is.
 */
public final class StateStore {
    private static final int FIRST_WINDOW = 64;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaSettings kafka;
    private final String streamId;

    public StateStore(KafkaSettings kafka, String streamId) {
        this.kafka = kafka;
        this.streamId = streamId;
    }

    /** The partition of the state topic that holds a stream's state; writer and reader agree. */
    public static int partition(String streamId, int partitions) {
        byte[] key = streamId.getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    /** Fails with a clear message when a topic the ingester writes is missing. */
    public void checkTopics() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Set<String> existing = consumer.listTopics(READ_TIMEOUT).keySet();
            List<String> missing =
                    List.of(kafka.topics().events(), kafka.topics().ingesterState()).stream()
                            .filter(topic -> !existing.contains(topic))
                            .toList();
            if (!missing.isEmpty()) {
                throw new InvalidTopicException(
                        "missing topics "
                                + missing
                                + ": create the pipeline topics first (the state topic"
                                + " compacted)");
            }
        }
    }

    public Optional<IngesterState> read() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions =
                    consumer.partitionsFor(kafka.topics().ingesterState(), READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                throw new InvalidTopicException(
                        "state topic " + kafka.topics().ingesterState() + " does not exist");
            }
            TopicPartition partition =
                    new TopicPartition(
                            kafka.topics().ingesterState(), partition(streamId, partitions.size()));
            return scan(consumer, partition);
        }
    }

    private Optional<IngesterState> scan(
            KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition) {
        consumer.assign(List.of(partition));
        long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        long window = FIRST_WINDOW;
        while (end > begin) {
            long from = Math.max(begin, end - window);
            Optional<Optional<IngesterState>> found = readRange(consumer, partition, from, end);
            if (found.isPresent()) {
                return found.get();
            }
            end = from;
            window *= 4;
        }
        return Optional.empty();
    }

    /** The last record for our key in [from, to): empty when none; a tombstone is "no state". */
    private Optional<Optional<IngesterState>> readRange(
            KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long from, long to) {
        consumer.seek(partition, from);
        byte[] key = streamId.getBytes(StandardCharsets.UTF_8);
        Optional<Optional<IngesterState>> last = Optional.empty();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (consumer.position(partition) < to) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("reading " + partition + " took too long");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < to && Arrays.equals(record.key(), key)) {
                    last = Optional.of(parse(record.value()));
                }
            }
        }
        return last;
    }

    private static Optional<IngesterState> parse(byte[] value) {
        return value == null ? Optional.empty() : Optional.of(IngesterState.fromJson(value));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ctipipe-ingester-state-" + streamId);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(
                config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
