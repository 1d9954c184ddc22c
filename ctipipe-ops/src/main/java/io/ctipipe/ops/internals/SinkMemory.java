package io.ctipipe.ops.internals;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the sink remembers it uploaded: the live keys of its compacted state topic. Forgetting
 * writes a tombstone for each one, in the key's own partition, so that the sink (which restores the
 * topic when it is assigned partitions) treats every later command as new and uploads it.
 */
public final class SinkMemory {
    private final TopicReader reader;
    private final String topic;

    public SinkMemory(TopicReader reader, String topic) {
        this.reader = reader;
        this.topic = topic;
    }

    /** The keys whose latest record is not a tombstone, by partition. */
    public Map<TopicPartition, Set<ByteBuffer>> remembered() {
        Map<TopicPartition, Set<ByteBuffer>> live = new HashMap<>();
        for (TopicPartition partition : reader.partitions(topic)) {
            Set<ByteBuffer> keys = new HashSet<>();
            reader.readRange(
                    partition,
                    reader.start(partition),
                    reader.end(partition),
                    record -> {
                        track(keys, record.key(), record.value() != null);
                        return true;
                    });
            live.put(partition, keys);
        }
        return live;
    }

    /** Writes one tombstone per key and waits for all; returns how many were written. */
    public static int forget(
            Map<TopicPartition, Set<ByteBuffer>> keys, Map<String, Object> producerConfig) {
        int written = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            Set<Future<RecordMetadata>> sends = new HashSet<>();
            for (Map.Entry<TopicPartition, Set<ByteBuffer>> entry : keys.entrySet()) {
                TopicPartition partition = entry.getKey();
                for (ByteBuffer key : entry.getValue()) {
                    sends.add(producer.send(tombstone(partition, key)));
                    written++;
                }
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while clearing the sink state", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot write tombstones to the sink state: " + e.getCause().getMessage(),
                    e.getCause());
        }
        return written;
    }

    public static int count(Map<TopicPartition, Set<ByteBuffer>> keys) {
        return keys.values().stream().mapToInt(Set::size).sum();
    }

    private static void track(Set<ByteBuffer> keys, byte[] key, boolean live) {
        if (key == null) {
            return;
        }
        if (live) {
            keys.add(ByteBuffer.wrap(key));
        } else {
            keys.remove(ByteBuffer.wrap(key));
        }
    }

    private static ProducerRecord<byte[], byte[]> tombstone(
            TopicPartition partition, ByteBuffer key) {
        byte[] bytes = new byte[key.remaining()];
        key.duplicate().get(bytes);
        return new ProducerRecord<>(partition.topic(), partition.partition(), bytes, null);
    }
}
