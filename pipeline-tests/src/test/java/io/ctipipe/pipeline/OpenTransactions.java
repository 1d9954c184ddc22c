package io.ctipipe.pipeline;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether a transaction is still open on a topic: its last stable offset (what read_committed
 * readers can reach) is short of its end. A service killed with SIGKILL leaves its transaction open
 * until the broker aborts it on timeout, unless a restart fences it first; the Kafka Streams mapper
 * gets a new transactional id at each start and cannot. Until then, read_committed readers see
 * nothing past it, committed records of the new instance included, so a backlog check alone reports
 * a pipeline as drained too early.
 */
final class OpenTransactions {
    private OpenTransactions() {}

    static boolean none(String bootstrap, List<String> topics) {
        for (String topic : topics) {
            if (!stable(bootstrap, topic)) {
                return false;
            }
        }
        return true;
    }

    private static boolean stable(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> committed = consumer(bootstrap, "read_committed");
                KafkaConsumer<byte[], byte[]> all = consumer(bootstrap, "read_uncommitted")) {
            List<TopicPartition> partitions =
                    committed.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
            return committed.endOffsets(partitions).equals(all.endOffsets(partitions));
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String isolation) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "pipeline-tests-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        isolation);
        return new KafkaConsumer<>(
                config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
