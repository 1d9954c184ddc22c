package io.ctipipe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** "Drained" against a real broker: committed offsets at the end and no open transaction. */
@ExtendWith(KafkaBrokerExtension.class)
class LagProbeIT {
    private static final Duration MARKERS_WRITTEN = Duration.ofSeconds(30);

    @TempDir Path dir;
    private TestPipeline pipeline;
    private LagProbe probe;
    private String topic;
    private String group;

    @BeforeEach
    void setUp(KafkaBroker broker) {
        pipeline = new TestPipeline(broker, dir, 1);
        probe = LagProbe.connect(KafkaSettings.of(broker.bootstrapServers()));
        topic = pipeline.topics.iocs();
        group = pipeline.sinkGroup;
    }

    @AfterEach
    void tearDown() {
        probe.close();
        pipeline.close();
    }

    @Test
    void anOpenTransactionKeepsTheTopicFromBeingDrainedUntilItCommits() throws Exception {
        pipeline.commit(group, topic, Map.of(0, 0L));
        boolean drainedBefore = probe.drained(group, topic);
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, null, TestPipeline.utf8("v"))).get();

            ConsumerLag whileOpen = probe.lag(group, topic);

            assertThat(drainedBefore).isTrue();
            assertThat(whileOpen.total()).isZero();
            assertThat(whileOpen.partitions().get(0).transactionOpen()).isTrue();
            assertThat(whileOpen.drained()).isFalse();

            producer.commitTransaction();
        }
        await().atMost(MARKERS_WRITTEN).until(() -> !transactionOpen());
        assertThat(probe.lag(group, topic).total()).isPositive();
        assertThat(probe.drained(group, topic)).isFalse();

        // Where a consumer commits after reading the record: the commit marker stays unread.
        pipeline.commit(group, topic, Map.of(0, 1L));

        assertThat(probe.drained(group, topic)).isTrue();
    }

    @Test
    void anAbortedTransactionLeavesNothingToRead() throws Exception {
        pipeline.commit(group, topic, Map.of(0, 0L));
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, null, TestPipeline.utf8("v"))).get();
            assertThat(probe.drained(group, topic)).isFalse();

            producer.abortTransaction();
        }

        await().atMost(MARKERS_WRITTEN).until(() -> probe.drained(group, topic));
        assertThat(probe.lag(group, topic).partitions().get(0).committed()).isZero();
    }

    private boolean transactionOpen() throws Exception {
        return probe.lag(group, topic).partitions().get(0).transactionOpen();
    }

    private KafkaProducer<byte[], byte[]> transactionalProducer() {
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                pipeline.broker.bootstrapServers(),
                                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                                "lag-probe-" + UUID.randomUUID(),
                                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                                ByteArraySerializer.class,
                                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                                ByteArraySerializer.class));
        producer.initTransactions();
        return producer;
    }
}
