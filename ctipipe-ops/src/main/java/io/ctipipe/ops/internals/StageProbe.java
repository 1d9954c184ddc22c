package io.ctipipe.ops.internals;

import io.ctipipe.ops.ConsumerLag;
import io.ctipipe.ops.LagProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One consuming stage at one moment: its lag per partition ({@link ConsumerLag}), its group's
 * state, its last commits ({@link CommitLog}) and since when its first unprocessed record waits.
 * The verdict is left empty for {@link StuckRule} to fill in.
 */
final class StageProbe {
    private final Admin admin;
    private final TopicReader reader;
    private final LagProbe lags;

    StageProbe(Admin admin, TopicReader reader) {
        this.admin = admin;
        this.reader = reader;
        this.lags = LagProbe.over(admin, reader);
    }

    /** A stage's status, whether its group has active members and whether its topic exists. */
    record Snapshot(StageStatus status, boolean active, boolean topicExists) {}

    Snapshot snapshot(String name, String group, String topic, Set<String> notes) {
        if (reader.partitions(topic).isEmpty()) {
            notes.add("Topic " + topic + " does not exist, so the " + name + " reads nothing.");
            StageStatus missing =
                    new StageStatus(
                            name, group, topic, "-", 0, 0, null, false, List.of(), false, "");
            return new Snapshot(missing, false, false);
        }
        ConsumerLag lag = lag(group, topic);
        GroupGuard.GroupActivity activity = new GroupGuard(admin).activity(group);
        Optional<Map<Integer, Instant>> commits =
                new CommitLog(reader).lastCommits(group, topic, committedPartitions(lag));
        if (commits.isEmpty()) {
            notes.add(
                    "Last commit times are unknown: "
                            + CommitLog.OFFSETS_TOPIC
                            + " cannot be read with these credentials.");
        }
        Instant lastCommit =
                commits.flatMap(c -> c.values().stream().max(Instant::compareTo)).orElse(null);
        StageStatus status =
                new StageStatus(
                        name,
                        group,
                        topic,
                        activity.state().toString(),
                        activity.members(),
                        lag.total(),
                        lastCommit,
                        commits.isPresent(),
                        partitions(lag, commits.orElse(Map.of())),
                        false,
                        "");
        return new Snapshot(status, activity.active(), true);
    }

    /** The committed offset per partition, null where the group never committed. */
    Map<Integer, Long> committed(String group, String topic) {
        Map<Integer, Long> committed = new HashMap<>();
        if (reader.partitions(topic).isEmpty()) {
            return committed;
        }
        lag(group, topic)
                .partitions()
                .forEach((p, offsets) -> committed.put(p, committedOf(offsets)));
        return committed;
    }

    private List<PartitionStatus> partitions(ConsumerLag lag, Map<Integer, Instant> commits) {
        List<PartitionStatus> partitions = new ArrayList<>();
        lag.partitions()
                .forEach(
                        (partition, offsets) ->
                                partitions.add(
                                        new PartitionStatus(
                                                partition,
                                                committedOf(offsets),
                                                offsets.end(),
                                                offsets.lag(),
                                                commits.get(partition),
                                                oldestWaiting(lag.topic(), partition, offsets))));
        return partitions;
    }

    private Instant oldestWaiting(String topic, int partition, ConsumerLag.PartitionLag offsets) {
        if (offsets.lag() == 0) {
            return null;
        }
        long next = Math.max(offsets.committed(), offsets.start());
        return reader.firstFrom(new TopicPartition(topic, partition), next)
                .map(ConsumerRecord::timestamp)
                .map(Instant::ofEpochMilli)
                .orElse(null);
    }

    private static Set<Integer> committedPartitions(ConsumerLag lag) {
        Set<Integer> partitions = new TreeSet<>();
        lag.partitions()
                .forEach(
                        (partition, offsets) -> {
                            if (offsets.committed() >= 0) {
                                partitions.add(partition);
                            }
                        });
        return partitions;
    }

    private static Long committedOf(ConsumerLag.PartitionLag offsets) {
        return offsets.committed() < 0 ? null : offsets.committed();
    }

    private ConsumerLag lag(String group, String topic) {
        try {
            return lags.lag(group, topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the lag of " + group, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot read the lag of group " + group + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
