package io.ctipipe.sink.internals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partitions of the compacted sink-state topic from the beginning to their last stable offset
 * (read_committed), into per-Indicator states. The sink calls it when partitions are assigned,
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

    Map<Integer, Map<String, IndicatorState>> restore(Collection<Integer> partitions) {
        long started = System.nanoTime();
        List<TopicPartition> assigned =
                partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        Map<Integer, Map<String, IndicatorState>> states = new HashMap<>();
        partitions.forEach(partition -> states.put(partition, new HashMap<>()));
        while (!caughtUp(assigned, end)) {
            consumer.poll(POLL).forEach(record -> apply(record, states));
        }
        consumer.assign(List.of());
        log.info(
                "Restored sink state topic={} partitions={} indicators={} millis={}",
                topic,
                partitions,
                states.values().stream().mapToInt(Map::size).sum(),
                (System.nanoTime() - started) / 1_000_000);
        return states;
    }

    private boolean caughtUp(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private static void apply(
            ConsumerRecord<byte[], byte[]> record,
            Map<Integer, Map<String, IndicatorState>> states) {
        if (record.key() == null) {
            return;
        }
        String indicatorId = new String(record.key(), StandardCharsets.UTF_8);
        Map<String, IndicatorState> partition = states.get(record.partition());
        if (record.value() == null) {
            partition.remove(indicatorId);
            return;
        }
        try {
            partition.put(indicatorId, StateCodec.decode(record.value()));
        } catch (IllegalArgumentException e) {
            log.warn(
                    "Ignored an unreadable sink state topic={} partition={} offset={}",
                    record.topic(),
                    record.partition(),
                    record.offset());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
