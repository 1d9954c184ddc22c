package io.ctipipe.ops;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on one topic, per partition: the committed offset against the
 * last stable offset (what a read_committed consumer can reach). A partition the group has never
 * committed counts from the beginning of the log. {@link LagProbe} measures it.
 */
public record ConsumerLag(String group, String topic, Map<Integer, PartitionLag> partitions) {

    /**
     * One partition's offsets.
     *
     * @param committed the group's committed offset, -1 when it never committed
     * @param end the last stable offset: the end of what read_committed consumers can read
     * @param start the log start offset
     * @param transactionOpen whether a transaction not yet committed or aborted has records past
     *     {@code end} (the high watermark is above the last stable offset)
     */
    public record PartitionLag(long committed, long end, long start, boolean transactionOpen) {
        public long lag() {
            return Math.max(0, end - Math.max(committed, start));
        }
    }

    public long total() {
        return partitions.values().stream().mapToLong(PartitionLag::lag).sum();
    }

    public long endOffsetsTotal() {
        return partitions.values().stream().mapToLong(PartitionLag::end).sum();
    }

    /**
     * True when the group has read everything committed and no transaction is open on the topic, so
     * nothing more reaches the group until someone writes again. Meaningful on a lag that ignores
     * transaction markers ({@link LagProbe#lag}), since every transaction leaves one.
     */
    public boolean drained() {
        return total() == 0
                && partitions.values().stream().noneMatch(PartitionLag::transactionOpen);
    }

    /**
     * The same lag, except that a partition whose unread offsets hold no record a read_committed
     * consumer would get (only transaction markers, which every transactional producer leaves at
     * the end of the log) counts as caught up.
     *
     * @param hasRecordFrom whether partition p holds a committed record at or after an offset
     */
    ConsumerLag ignoringMarkers(BiPredicate<Integer, Long> hasRecordFrom) {
        Map<Integer, PartitionLag> adjusted = new TreeMap<>();
        partitions.forEach(
                (partition, lag) -> {
                    long next = Math.max(lag.committed(), lag.start());
                    boolean onlyMarkers = lag.lag() > 0 && !hasRecordFrom.test(partition, next);
                    adjusted.put(
                            partition,
                            onlyMarkers
                                    ? new PartitionLag(
                                            lag.committed(),
                                            next,
                                            lag.start(),
                                            lag.transactionOpen())
                                    : lag);
                });
        return new ConsumerLag(group, topic, adjusted);
    }

    static ConsumerLag of(Admin admin, String group, String topic)
            throws ExecutionException, InterruptedException {
        Set<TopicPartition> partitions = partitionsOf(admin, topic);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> ends =
                offsets(admin, partitions, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> starts =
                offsets(admin, partitions, OffsetSpec.earliest(), IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> highWatermarks =
                offsets(admin, partitions, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
        Map<Integer, PartitionLag> lags = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset == null ? -1 : offset.offset();
            long end = ends.get(partition);
            boolean open = highWatermarks.get(partition) > end;
            lags.put(
                    partition.partition(),
                    new PartitionLag(position, end, starts.get(partition), open));
        }
        return new ConsumerLag(group, topic, lags);
    }

    static Set<TopicPartition> partitionsOf(Admin admin, String topic)
            throws ExecutionException, InterruptedException {
        return admin
                .describeTopics(Set.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toSet());
    }

    private static Map<TopicPartition, Long> offsets(
            Admin admin, Set<TopicPartition> partitions, OffsetSpec spec, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> found =
                admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get();
        return found.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
