package io.ctipipe.ops.internals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Computes a {@link ResetPlan} through the Admin API only: {@code listOffsets} for the log start,
 * the last stable offset and timestamps, {@code listConsumerGroupOffsets} for the current offsets.
 * Offsets are read at read_committed, so "latest" never skips a transaction still open.
 */
public final class OffsetResetPlanner {
    private final Admin admin;
    private final Clock clock;

    public OffsetResetPlanner(Admin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    public ResetPlan plan(String group, String topic, ResetSpec spec) {
        ResetSpec resolved = spec.resolve(clock.instant());
        Set<TopicPartition> partitions = partitions(topic);
        checkListedPartitions(resolved, partitions, topic);
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> atTime =
                resolved.resetTime()
                        .map(
                                time ->
                                        offsets(
                                                partitions,
                                                OffsetSpec.forTimestamp(time.toEpochMilli())))
                        .orElse(Map.of());

        List<ResetPlan.Row> rows = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            PartitionPosition position =
                    new PartitionPosition(
                            partition.partition(),
                            offsetOf(committed.get(partition)),
                            earliest.get(partition),
                            latest.get(partition),
                            found(atTime.get(partition)));
            OptionalLong target = resolved.target(position);
            if (target.isPresent()) {
                rows.add(
                        new ResetPlan.Row(
                                partition.partition(), position.committed(), target.getAsLong()));
            }
        }
        return new ResetPlan(group, topic, spec.describe(), rows);
    }

    /** The topic's partitions in order; fails clearly when the topic does not exist. */
    Set<TopicPartition> partitions(String topic) {
        Set<TopicPartition> partitions = new TreeSet<>(OffsetResetPlanner::byPartition);
        KafkaCalls.await(
                        admin.describeTopics(Set.of(topic)).allTopicNames(),
                        "describing topic " + topic)
                .get(topic)
                .partitions()
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return partitions;
    }

    private static void checkListedPartitions(
            ResetSpec spec, Set<TopicPartition> partitions, String topic) {
        if (spec instanceof ResetSpec.ToPartitionOffsets listed) {
            for (int partition : listed.offsets().keySet()) {
                if (partition >= partitions.size()) {
                    throw new IllegalArgumentException(
                            "topic "
                                    + topic
                                    + " has no partition "
                                    + partition
                                    + " (it has "
                                    + partitions.size()
                                    + ")");
                }
            }
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        return KafkaCalls.await(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                "reading the offsets of group " + group);
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> result =
                KafkaCalls.await(admin.listOffsets(request, options).all(), "listing offsets");
        return result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static OptionalLong offsetOf(OffsetAndMetadata committed) {
        return committed == null ? OptionalLong.empty() : OptionalLong.of(committed.offset());
    }

    /** A timestamp lookup answers -1 when no record is that late. */
    private static OptionalLong found(Long offset) {
        return offset == null || offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    private static int byPartition(TopicPartition left, TopicPartition right) {
        return Integer.compare(left.partition(), right.partition());
    }
}
