package io.ctipipe.kafka.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of a topic, for tests to assert on, by partition then offset.
 *
 * <p>{@link #committed} first waits for the topic's open transactions to end. A transactional
 * producer's commit returns before the broker has written the commit markers to every partition, so
 * a test that saw a service's consumer offsets (or its own commit) move can still find the records
 * of that same transaction invisible to read_committed readers for a moment.
 */
public final class TopicContents {
    private static final int MAX_FETCH_BYTES = 64 * 1024 * 1024;
    private static final Duration STABLE_PATIENCE = Duration.ofSeconds(30);

    private TopicContents() {}

    /**
     * What a read_committed consumer reads, once no transaction is open on the topic. If one stays
     * open (a producer writing all along, or one killed mid-transaction) for 30 s, it reads what is
     * committed by then.
     */
    public static List<ConsumerRecord<byte[], byte[]>> committed(String bootstrap, String topic) {
        awaitNoOpenTransaction(bootstrap, topic);
        return read(bootstrap, topic, IsolationLevel.READ_COMMITTED);
    }

    /** What a read_committed consumer reads right now, without waiting for open transactions. */
    public static List<ConsumerRecord<byte[], byte[]>> committedSoFar(
            String bootstrap, String topic) {
        return read(bootstrap, topic, IsolationLevel.READ_COMMITTED);
    }

    /** Everything in the log, records of aborted and open transactions included. */
    public static List<ConsumerRecord<byte[], byte[]>> uncommitted(String bootstrap, String topic) {
        return read(bootstrap, topic, IsolationLevel.READ_UNCOMMITTED);
    }

    private static void awaitNoOpenTransaction(String bootstrap, String topic) {
        long deadline = System.nanoTime() + STABLE_PATIENCE.toNanos();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<TopicPartition> partitions = partitions(admin, topic);
            while (!stable(admin, partitions) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for topic " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the offsets of topic " + topic, e);
        }
    }

    private static boolean stable(Admin admin, List<TopicPartition> partitions)
            throws InterruptedException, ExecutionException {
        return ends(admin, partitions, IsolationLevel.READ_COMMITTED)
                .equals(ends(admin, partitions, IsolationLevel.READ_UNCOMMITTED));
    }

    private static List<TopicPartition> partitions(Admin admin, String topic)
            throws InterruptedException, ExecutionException {
        return admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private static Map<TopicPartition, Long> ends(
            Admin admin, List<TopicPartition> partitions, IsolationLevel isolation)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation))
                .all()
                .get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(
            String bootstrap, String topic, IsolationLevel isolation) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, isolation)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .sorted(Comparator.comparingInt(TopicPartition::partition))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(
                Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
                        .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(
            String bootstrap, IsolationLevel isolation) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.name().toLowerCase(Locale.ROOT));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_FETCH_BYTES);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_FETCH_BYTES);
        return new KafkaConsumer<>(
                config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
