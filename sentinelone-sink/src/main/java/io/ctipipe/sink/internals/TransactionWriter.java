package io.ctipipe.sink.internals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The sink's transactional producer. Two kinds of transaction: the in-flight markers, committed
 * alone before a POST; and the result of a cycle (new states, dead letters and the consumer offsets
 * together), so that what the sink remembers never disagrees with what it has read.
 */
public final class TransactionWriter implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final String stateTopic;

    public TransactionWriter(Producer<byte[], byte[]> producer, String stateTopic) {
        this.producer = producer;
        this.stateTopic = stateTopic;
    }

    /** Fences an older instance with the same transactional id and aborts what it left open. */
    public void init() {
        producer.initTransactions();
    }

    public void mark(List<StateUpdate> marked) {
        producer.beginTransaction();
        marked.forEach(this::send);
        producer.commitTransaction();
    }

    public void commit(
            List<StateUpdate> states,
            List<ProducerRecord<byte[], byte[]>> deadLetters,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
        producer.beginTransaction();
        states.forEach(this::send);
        deadLetters.forEach(producer::send);
        producer.sendOffsetsToTransaction(offsets, group);
        producer.commitTransaction();
    }

    public void abort() {
        producer.abortTransaction();
    }

    private void send(StateUpdate update) {
        byte[] key = update.indicatorId().getBytes(StandardCharsets.UTF_8);
        producer.send(
                new ProducerRecord<>(
                        stateTopic, update.partition(), key, StateCodec.encode(update.state())));
    }

    @Override
    public void close() {
        producer.close();
    }
}
