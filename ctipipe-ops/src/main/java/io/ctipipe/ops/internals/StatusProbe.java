package io.ctipipe.ops.internals;

import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.contracts.stream.IngesterState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * Gathers {@link StatusReport}: the mapper and sink stages through {@link StageProbe}, the
 * ingester's stored position, the depth of the dead-letter and skipped topics. With a watch it
 * takes the committed offsets first, waits, and lets {@link StuckRule} compare.
 */
public final class StatusProbe {
    private final Admin admin;
    private final TopicReader reader;
    private final Clock clock;

    public StatusProbe(Admin admin, TopicReader reader, Clock clock) {
        this.admin = admin;
        this.reader = reader;
        this.clock = clock;
    }

    /** What to look at, and how. */
    public record Settings(
            Topics topics,
            String mapperGroup,
            String sinkGroup,
            String streamId,
            Duration stuckAfter,
            Duration watch) {}

    /** Pauses between the two snapshots of a watch. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public StatusReport report(Settings settings, Sleeper sleeper) throws InterruptedException {
        StageProbe probe = new StageProbe(admin, reader);
        Topics topics = settings.topics();
        Map<String, Map<Integer, Long>> before = new HashMap<>();
        if (!settings.watch().isZero()) {
            before.put("mapper", probe.committed(settings.mapperGroup(), topics.events()));
            before.put("sink", probe.committed(settings.sinkGroup(), topics.iocs()));
            sleeper.sleep(settings.watch());
        }

        Set<String> notes = new LinkedHashSet<>();
        List<StageStatus> stages = new ArrayList<>();
        stages.add(
                stage(
                        probe,
                        "mapper",
                        settings.mapperGroup(),
                        topics.events(),
                        settings,
                        before,
                        notes));
        stages.add(
                stage(probe, "sink", settings.sinkGroup(), topics.iocs(), settings, before, notes));
        IngesterStatus ingester = ingester(settings, notes);

        boolean stuck =
                stages.stream().anyMatch(StageStatus::stuck)
                        || (ingester != null && ingester.stuck());
        List<TopicDepth> deadLetters = List.of(depth(topics.iocsDlq()), depth(topics.eventsDlq()));
        return new StatusReport(
                clock.instant(),
                stages,
                ingester,
                deadLetters,
                depth(topics.skipped()),
                stuck,
                List.copyOf(notes));
    }

    private StageStatus stage(
            StageProbe probe,
            String name,
            String group,
            String topic,
            Settings settings,
            Map<String, Map<Integer, Long>> before,
            Set<String> notes) {
        StageProbe.Snapshot snapshot = probe.snapshot(name, group, topic, notes);
        StageStatus status = snapshot.status();
        if (!snapshot.topicExists()) {
            return status.withVerdict(new StuckRule.Verdict(false, "topic missing"));
        }
        Map<Integer, Long> committedBefore = before.get(name);
        StuckRule.Verdict verdict =
                committedBefore != null
                        ? StuckRule.watched(status, committedBefore, settings.watch())
                        : StuckRule.snapshot(
                                status, snapshot.active(), clock.instant(), settings.stuckAfter());
        return status.withVerdict(verdict);
    }

    private IngesterStatus ingester(Settings settings, Set<String> notes) {
        String streamId = settings.streamId();
        String topic = settings.topics().ingesterState();
        if (streamId == null) {
            notes.add("CONNECTOR_LIVE_STREAM_ID is not set, so the ingester is not shown.");
            return null;
        }
        if (reader.partitions(topic).isEmpty()) {
            notes.add("Topic " + topic + " does not exist.");
            return new IngesterStatus(streamId, null, null, null, false, false, "no state topic");
        }
        Optional<IngesterPositionStore.Stored> stored =
                new IngesterPositionStore(reader, topic, streamId).read();
        if (stored.isEmpty()) {
            return new IngesterStatus(
                    streamId, null, null, null, false, false, "no position stored");
        }
        IngesterState state = stored.get().state();
        StuckRule.Verdict verdict =
                StuckRule.ingester(state.updatedAt(), clock.instant(), settings.stuckAfter());
        return new IngesterStatus(
                streamId,
                state.position(),
                state.streamPosition().time(),
                state.updatedAt(),
                stored.get().rewound(),
                verdict.stuck(),
                verdict.text());
    }

    private TopicDepth depth(String topic) {
        List<TopicPartition> partitions = reader.partitions(topic);
        if (partitions.isEmpty()) {
            return new TopicDepth(topic, null);
        }
        long records = 0;
        for (TopicPartition partition : partitions) {
            records += reader.end(partition) - reader.start(partition);
        }
        return new TopicDepth(topic, records);
    }
}
