package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.ingester.IngesterConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes events and the new stream position in one Kafka transaction, so that a crash at any
 * instant leaves either both or neither: the position on the state topic is always exactly the last
 * event on the events topic.
 *
 * <p>An event larger than the events topic accepts fails every transaction that carries it; the
 * ingester then retries slowly with an ERROR naming max.message.bytes, and makes no progress until
 * the topic or INGESTER_MAX_EVENT_BYTES is changed. There is no dead-letter path at this stage.
 */
public final class TransactionalPublisher implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final String streamId;
    private final byte[] streamIdBytes;
    private final int statePartition;
    private boolean inTransaction;

    /** Creates the producer and fences any earlier instance with the same transactional id. */
    public TransactionalPublisher(IngesterConfig config) {
        this.producer = new KafkaProducer<>(producerConfig(config));
        this.topics = config.kafka().topics();
        this.streamId = config.streamId();
        this.streamIdBytes = streamId.getBytes(StandardCharsets.UTF_8);
        try {
            producer.initTransactions();
            int partitions = producer.partitionsFor(topics.ingesterState()).size();
            this.statePartition = StateStore.partition(streamId, partitions);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    static Map<String, Object> producerConfig(IngesterConfig config) {
        Map<String, Object> properties = config.kafka().clientConfig();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.transactionalId());
        properties.putIfAbsent(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxEventBytes() + 64 * 1024);
        // Events are 1-2 KB: the default 16 KB batch held a handful, so the producer and the
        // broker handled many small requests. Bigger batches cut the ingester's CPU per event by
        // about a third in the benchmark; the transaction's commit flushes them anyway.
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // Raw events are JSON of 1-4 KB: lz4 (native, cheap) shrinks what the broker stores and
        // sends three- to fourfold. KAFKA_COMPRESSION_TYPE overrides it.
        properties.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return properties;
    }

    public void send(StreamEvent event) {
        begin();
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topics.events(), event.key(), event.data());
        record.headers().add(EventHeaders.EVENT, utf8(event.event()));
        record.headers().add(EventHeaders.EVENT_ID, utf8(event.id().toString()));
        record.headers().add(EventHeaders.STREAM_ID, streamIdBytes);
        producer.send(record);
    }

    /** Adds the state record and commits; throws if any write of the transaction failed. */
    public void commit(IngesterState state) {
        begin();
        producer.send(
                new ProducerRecord<>(
                        topics.ingesterState(), statePartition, streamIdBytes, state.toJson()));
        producer.commitTransaction();
        inTransaction = false;
    }

    /** Best effort after a failure; the next instance's fencing aborts it otherwise. */
    public void abortQuietly() {
        if (!inTransaction) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            // Fatal producer states cannot abort; fencing by the next producer does it.
        }
        inTransaction = false;
    }

    /** Closes without waiting or committing, as a crash would. */
    public void closeNow() {
        producer.close(Duration.ZERO);
    }

    @Override
    public void close() {
        abortQuietly();
        producer.close(Duration.ofSeconds(10));
    }

    private void begin() {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
