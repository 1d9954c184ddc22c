package io.ctipipe.ops.internals;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * When a consumer group last committed, per partition, read from the broker's own offsets topic:
 * the Admin API gives committed offsets but not their time. The group's records live in partition
 * {@code abs(group.hashCode()) % partitions} of {@code __consumer_offsets}; an offset-commit
 * record's key is {@code version (0 or 1), group, topic, partition} and its timestamp is the commit
 * time. The partition is read backwards in growing windows, at most {@link #MAX_RECORDS} records,
 * so the answer may be "not found" for a group that has not committed in a long while. Many managed
 * clusters do not let clients read this topic; the caller then says so.
 */
public final class CommitLog {
    public static final String OFFSETS_TOPIC = "__consumer_offsets";

    static final int MAX_RECORDS = 50_000;
    private static final int FIRST_WINDOW = 500;

    private final TopicReader reader;

    public CommitLog(TopicReader reader) {
        this.reader = reader;
    }

    /** The key of an offset commit. */
    record CommitKey(String group, String topic, int partition) {}

    /**
     * Last commit time per partition of {@code topic} (absent partitions: none found); empty when
     * the offsets topic cannot be read.
     */
    public Optional<Map<Integer, Instant>> lastCommits(
            String group, String topic, Set<Integer> wanted) {
        try {
            List<TopicPartition> partitions = reader.partitions(OFFSETS_TOPIC);
            if (partitions.isEmpty()) {
                return Optional.empty();
            }
            int index = Utils.abs(group.hashCode()) % partitions.size();
            return Optional.of(scan(partitions.get(index), group, topic, wanted));
        } catch (KafkaException e) {
            return Optional.empty();
        }
    }

    private Map<Integer, Instant> scan(
            TopicPartition partition, String group, String topic, Set<Integer> wanted) {
        Map<Integer, Instant> found = new HashMap<>();
        long start = reader.start(partition);
        long end = reader.end(partition);
        long window = FIRST_WINDOW;
        long scanned = 0;
        while (end > start && found.size() < wanted.size() && scanned < MAX_RECORDS) {
            long from = Math.max(start, end - window);
            scanned += end - from;
            Map<Integer, Instant> latestInWindow = new HashMap<>();
            reader.readRange(
                    partition,
                    from,
                    end,
                    record -> {
                        collect(record, group, topic, latestInWindow);
                        return true;
                    });
            latestInWindow.forEach(found::putIfAbsent);
            end = from;
            window *= 4;
        }
        return found;
    }

    private static void collect(
            ConsumerRecord<byte[], byte[]> record,
            String group,
            String topic,
            Map<Integer, Instant> latest) {
        if (record.value() == null) {
            return;
        }
        parseKey(record.key())
                .filter(key -> key.group().equals(group) && key.topic().equals(topic))
                .ifPresent(
                        key ->
                                latest.put(
                                        key.partition(), Instant.ofEpochMilli(record.timestamp())));
    }

    /** The offset-commit key, or empty for group metadata and other record types. */
    static Optional<CommitKey> parseKey(byte[] key) {
        if (key == null || key.length < 2) {
            return Optional.empty();
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(key);
            short version = buffer.getShort();
            if (version != 0 && version != 1) {
                return Optional.empty();
            }
            String group = string(buffer);
            String topic = string(buffer);
            return Optional.of(new CommitKey(group, topic, buffer.getInt()));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String string(ByteBuffer buffer) {
        short length = buffer.getShort();
        if (length < 0) {
            throw new IllegalArgumentException("null string");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
