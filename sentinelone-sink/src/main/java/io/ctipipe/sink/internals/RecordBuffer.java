package io.ctipipe.sink.internals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Records read but not yet in a cycle, decoded as they arrive. Ready when it holds a full cycle's
 * worth, or when its oldest record has waited {@code SINK_LINGER}.
 */
final class RecordBuffer {
    private final List<Coalescer.Decoded> records = new ArrayList<>();
    private final Duration linger;
    private final int fullCycle;
    private long oldestArrival;

    RecordBuffer(Duration linger, int fullCycle) {
        this.linger = linger;
        this.fullCycle = fullCycle;
    }

    void add(ConsumerRecords<byte[], byte[]> polled, long nowMillis) {
        if (records.isEmpty() && !polled.isEmpty()) {
            oldestArrival = nowMillis;
        }
        polled.forEach(record -> records.add(Coalescer.decode(record)));
    }

    int size() {
        return records.size();
    }

    boolean ready(long nowMillis) {
        return records.size() >= fullCycle || !records.isEmpty() && waitLeft(nowMillis) == 0;
    }

    /** Milliseconds until the linger of the oldest record ends; 0 when it has. */
    long waitLeft(long nowMillis) {
        return Math.max(0, oldestArrival + linger.toMillis() - nowMillis);
    }

    List<Coalescer.Decoded> drain() {
        List<Coalescer.Decoded> drained = new ArrayList<>(records);
        records.clear();
        return drained;
    }

    /** Forgets the records of these partitions (revoked, or to be read again). */
    void drop(Collection<TopicPartition> partitions) {
        records.removeIf(
                decoded -> {
                    ConsumerRecord<byte[], byte[]> record = decoded.record();
                    return partitions.contains(
                            new TopicPartition(record.topic(), record.partition()));
                });
    }
}
