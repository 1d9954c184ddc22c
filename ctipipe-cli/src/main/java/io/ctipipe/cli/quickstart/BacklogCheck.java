package io.ctipipe.cli.quickstart;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether a consumer group has records left to read on a topic. Offset arithmetic alone cannot
 * tell: on a transactional topic the log ends with commit markers, so a group that has read
 * everything still shows a lag of one per transaction boundary. This reads from the committed
 * offset to the end with read_committed and counts the data records it finds.
 */
final class BacklogCheck implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;

    BacklogCheck(Admin admin, String bootstrap) {
        this.admin = admin;
        this.consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "ctipipe-probe-" + UUID.randomUUID(),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
    }

    /**
     * True when every partition of the topic has no data record at or after the committed offset.
     */
    boolean caughtUp(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = offset == null ? 0 : offset.offset();
            if (from < ends.get(partition)
                    && hasRecordsFrom(partition, from, ends.get(partition))) {
                return false;
            }
        }
        return true;
    }

    private boolean hasRecordsFrom(TopicPartition partition, long from, long end) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        while (consumer.position(partition) < end) {
            if (!consumer.poll(POLL).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private List<TopicPartition> partitions(String topic)
            throws ExecutionException, InterruptedException {
        return admin
                .describeTopics(Set.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
