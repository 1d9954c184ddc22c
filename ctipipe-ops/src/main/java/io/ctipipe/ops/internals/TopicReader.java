package io.ctipipe.ops.internals;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads committed records of a topic without a consumer group: whole partitions in offset order,
 * ranges, or the one record at an offset. Reading ends at the last stable offset, so a transaction
 * still open is neither waited for nor shown.
 */
public final class TopicReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private final KafkaConsumer<byte[], byte[]> consumer;

    public TopicReader(Map<String, Object> readerConfig) {
        this.consumer = new KafkaConsumer<>(readerConfig);
    }

    /** Receives records in offset order; returns false to stop reading. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(ConsumerRecord<byte[], byte[]> record);
    }

    /** The topic's partitions in order; empty when the topic does not exist. */
    public List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, STALL_LIMIT);
        if (infos == null) {
            return List.of();
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    public long start(TopicPartition partition) {
        return consumer.beginningOffsets(List.of(partition)).get(partition);
    }

    public long end(TopicPartition partition) {
        return consumer.endOffsets(List.of(partition)).get(partition);
    }

    /** Every committed record of the topic, partition after partition; false when stopped. */
    public boolean readAll(String topic, Visitor visitor) {
        for (TopicPartition partition : partitions(topic)) {
            if (!readRange(partition, start(partition), end(partition), visitor)) {
                return false;
            }
        }
        return true;
    }

    /** Records with offsets in [from, to); false when the visitor stopped. */
    public boolean readRange(TopicPartition partition, long from, long to, Visitor visitor) {
        if (from >= to) {
            return true;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        long lastProgress = System.nanoTime();
        while (consumer.position(partition) < to) {
            long before = consumer.position(partition);
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < to && !visitor.visit(record)) {
                    return false;
                }
            }
            lastProgress = checkProgress(partition, before, lastProgress);
        }
        return true;
    }

    /** The first committed record at or after {@code offset}, if one comes before the end. */
    public Optional<ConsumerRecord<byte[], byte[]>> firstFrom(
            TopicPartition partition, long offset) {
        AtomicReference<ConsumerRecord<byte[], byte[]>> found = new AtomicReference<>();
        readRange(
                partition,
                offset,
                end(partition),
                record -> {
                    found.set(record);
                    return false;
                });
        return Optional.ofNullable(found.get());
    }

    private long checkProgress(TopicPartition partition, long before, long lastProgress) {
        long now = System.nanoTime();
        if (consumer.position(partition) > before) {
            return now;
        }
        if (now - lastProgress > STALL_LIMIT.toNanos()) {
            throw new TimeoutException(
                    "no progress reading " + partition + " for " + STALL_LIMIT.toSeconds() + " s");
        }
        return lastProgress;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
