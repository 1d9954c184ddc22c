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
 * committed counts from the beginning of the log.
 */
public record ConsumerLag(String group, String topic, Map<Integer, PartitionLag> partitions) {

    public record PartitionLag(long committed, long end, long start) {
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
     * The same lag, except that a partition whose unread offsets hold no record a read_committed
     * consumer would get (only transaction markers, which every transactional producer leaves at
     * the end of the log) counts as caught up.
     *
     * @param hasRecordFrom whether partition p holds a committed record at or after an offset
     */
    public ConsumerLag ignoringMarkers(BiPredicate<Integer, Long> hasRecordFrom) {
        Map<Integer, PartitionLag> adjusted = new TreeMap<>();
        partitions.forEach(
                (partition, lag) -> {
                    long next = Math.max(lag.committed(), lag.start());
                    boolean onlyMarkers = lag.lag() > 0 && !hasRecordFrom.test(partition, next);
                    adjusted.put(
                            partition,
                            onlyMarkers
                                    ? new PartitionLag(lag.committed(), next, lag.start())
                                    : lag);
                });
        return new ConsumerLag(group, topic, adjusted);
    }

    public static ConsumerLag of(Admin admin, String group, String topic)
            throws ExecutionException, InterruptedException {
        Set<TopicPartition> partitions = partitionsOf(admin, topic);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(admin, partitions, true);
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(admin, partitions, false);
        Map<Integer, PartitionLag> lags = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset == null ? -1 : offset.offset();
            long end = ends.get(partition).offset();
            long start = starts.get(partition).offset();
            lags.put(partition.partition(), new PartitionLag(position, end, start));
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

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(
            Admin admin, Set<TopicPartition> partitions, boolean latest)
            throws ExecutionException, InterruptedException {
        OffsetSpec spec = latest ? OffsetSpec.latest() : OffsetSpec.earliest();
        Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        return admin.listOffsets(request, options).all().get();
    }
}
