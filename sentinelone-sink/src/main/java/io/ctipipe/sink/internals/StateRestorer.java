package io.ctipipe.sink.internals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partitions of the compacted sink-state topic from the beginning to their last stable offset
 * (read_committed), into the {@link UploadLedger}. The sink calls it when partitions are assigned,
 * before it processes any record of them.
 */
final class StateRestorer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StateRestorer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;

    StateRestorer(Consumer<byte[], byte[]> consumer, String topic) {
        this.consumer = consumer;
        this.topic = topic;
    }

    /** Restores these partitions into the ledger, which owns them from then on. */
    void restore(Collection<Integer> partitions, UploadLedger ledger) {
        long started = System.nanoTime();
        List<TopicPartition> assigned =
                partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        partitions.forEach(ledger::restoring);
        long records = 0;
        while (!caughtUp(assigned, end)) {
            ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
            for (TopicPartition partition : polled.partitions()) {
                records += apply(partition.partition(), polled.records(partition), ledger);
            }
        }
        consumer.assign(List.of());
        log.info(
                "Restored sink state topic={} partitions={} records={} millis={}",
                topic,
                partitions,
                records,
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean caughtUp(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private static int apply(
            int partition, List<ConsumerRecord<byte[], byte[]>> records, UploadLedger ledger) {
        List<String> ids = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.key() != null && readable(record)) {
                ids.add(new String(record.key(), StandardCharsets.UTF_8));
                values.add(record.value());
            }
        }
        ledger.restore(partition, ids, values);
        return ids.size();
    }

    /** A tombstone, or a value that decodes; anything else is logged and ignored. */
    private static boolean readable(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return true;
        }
        try {
            StateCodec.decode(record.value());
            return true;
        } catch (IllegalArgumentException e) {
            log.warn(
                    "Ignored an unreadable sink state topic={} partition={} offset={}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return false;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
