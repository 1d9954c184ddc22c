package io.ctipipe.ops.internals;

import io.ctipipe.contracts.stream.IngesterState;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads and rewrites the ingester's stored stream position: the latest record for the stream id on
 * the compacted state topic, in the partition the ingester itself uses (murmur2 of the key, as the
 * default partitioner). A record written here carries the {@link #REWOUND_BY} header, which the
 * ingester ignores, so that its age does not count as a sign of a running ingester.
 */
public final class IngesterPositionStore {
    /** Header on state records written by {@code ctipipe replay}, value {@code ctipipe replay}. */
    public static final String REWOUND_BY = "ctipipe.ops.rewound.by";

    private static final int FIRST_WINDOW = 64;

    private final TopicReader reader;
    private final String topic;
    private final String streamId;

    public IngesterPositionStore(TopicReader reader, String topic, String streamId) {
        this.reader = reader;
        this.topic = topic;
        this.streamId = streamId;
    }

    /** The stored state and whether ctipipe replay wrote it; empty when there is none. */
    public record Stored(IngesterState state, boolean rewound) {}

    public static int partition(String streamId, int partitions) {
        byte[] key = streamId.getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    public Optional<Stored> read() {
        TopicPartition partition = statePartition();
        long start = reader.start(partition);
        long end = reader.end(partition);
        long window = FIRST_WINDOW;
        while (end > start) {
            long from = Math.max(start, end - window);
            Optional<ConsumerRecord<byte[], byte[]>> last = lastForKey(partition, from, end);
            if (last.isPresent()) {
                return stored(last.get());
            }
            end = from;
            window *= 4;
        }
        return Optional.empty();
    }

    /** Writes a new state record and waits for the broker to take it. */
    public void write(IngesterState state, Map<String, Object> producerConfig) {
        byte[] key = streamId.getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        headers.add(REWOUND_BY, "ctipipe replay".getBytes(StandardCharsets.UTF_8));
        int partition = statePartition().partition();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(
                            new ProducerRecord<>(
                                    topic, partition, null, key, state.toJson(), headers))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the ingester state", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot write the ingester state to "
                            + topic
                            + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private TopicPartition statePartition() {
        List<TopicPartition> partitions = reader.partitions(topic);
        if (partitions.isEmpty()) {
            throw new IllegalStateException(
                    "the ingester state topic " + topic + " does not exist");
        }
        return new TopicPartition(topic, partition(streamId, partitions.size()));
    }

    private Optional<ConsumerRecord<byte[], byte[]>> lastForKey(
            TopicPartition partition, long from, long to) {
        byte[] key = streamId.getBytes(StandardCharsets.UTF_8);
        AtomicReference<ConsumerRecord<byte[], byte[]>> last = new AtomicReference<>();
        reader.readRange(
                partition,
                from,
                to,
                record -> {
                    if (Arrays.equals(record.key(), key)) {
                        last.set(record);
                    }
                    return true;
                });
        return Optional.ofNullable(last.get());
    }

    /** A tombstone means the stream has no stored state. */
    private static Optional<Stored> stored(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        boolean rewound = record.headers().lastHeader(REWOUND_BY) != null;
        return Optional.of(new Stored(IngesterState.fromJson(record.value()), rewound));
    }
}
