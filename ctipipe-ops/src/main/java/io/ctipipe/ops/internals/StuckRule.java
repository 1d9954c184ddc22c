package io.ctipipe.ops.internals;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When {@code ctipipe status} calls a stage stuck (and exits non-zero).
 *
 * <ul>
 *   <li>Watching ({@code --watch-seconds N}): a consuming stage with lag at the end of the watch
 *       whose committed offsets did not move during it.
 *   <li>One snapshot, commit times known: a lagging partition whose first unprocessed record is
 *       older than {@code STATUS_STUCK_AFTER} and whose last commit is older too (or absent). So a
 *       stage catching up on an old backlog, committing as it goes, is not stuck.
 *   <li>One snapshot, commit times unknown: a lagging partition whose first unprocessed record is
 *       older than {@code STATUS_STUCK_AFTER} while the group has no active member. A running but
 *       wedged stage is only caught by watching.
 *   <li>The ingester: its stored position not written for longer than {@code STATUS_STUCK_AFTER}; a
 *       running ingester writes it at least every {@code INGESTER_STATE_HEARTBEAT_INTERVAL} (10 s)
 *       while the stream is up.
 * </ul>
 */
public final class StuckRule {
    private StuckRule() {}

    /** Whether stuck, and the sentence shown for it. */
    public record Verdict(boolean stuck, String text) {}

    public static Verdict snapshot(
            StageStatus stage, boolean groupActive, Instant now, Duration after) {
        List<PartitionStatus> lagging = lagging(stage);
        if (lagging.isEmpty()) {
            return new Verdict(false, "ok: no lag");
        }
        Instant limit = now.minus(after);
        List<PartitionStatus> waiting =
                lagging.stream().filter(p -> olderThan(p.oldestWaiting(), limit)).toList();
        if (stage.commitTimesKnown()) {
            List<PartitionStatus> stuck =
                    waiting.stream()
                            .filter(p -> p.lastCommit() == null || p.lastCommit().isBefore(limit))
                            .toList();
            return stuck.isEmpty() ? behind(stage) : stuck(stage, stuck, after, "no commit");
        }
        if (!groupActive && !waiting.isEmpty()) {
            return stuck(stage, waiting, after, "no active member");
        }
        return new Verdict(
                false,
                "behind by "
                        + stage.lag()
                        + " record(s); commit times unknown, use --watch-seconds to check"
                        + " progress");
    }

    public static Verdict watched(
            StageStatus stage, Map<Integer, Long> committedBefore, Duration watched) {
        if (lagging(stage).isEmpty()) {
            return new Verdict(false, "ok: no lag");
        }
        boolean moved =
                stage.partitions().stream()
                        .anyMatch(
                                p ->
                                        !Objects.equals(
                                                p.committed(), committedBefore.get(p.partition())));
        if (moved) {
            return behind(stage);
        }
        return new Verdict(
                true,
                "stuck: "
                        + stage.lag()
                        + " record(s) waiting and no commit during "
                        + TimeText.span(watched));
    }

    public static Verdict ingester(Instant updatedAt, Instant now, Duration after) {
        if (updatedAt == null) {
            return new Verdict(false, "no write time stored");
        }
        if (updatedAt.isBefore(now.minus(after))) {
            return new Verdict(
                    true,
                    "stuck: position not written since "
                            + TimeText.shown(updatedAt)
                            + " (a running ingester writes it every few seconds)");
        }
        return new Verdict(false, "ok: position written " + TimeText.ago(updatedAt, now));
    }

    private static List<PartitionStatus> lagging(StageStatus stage) {
        return stage.partitions().stream().filter(p -> p.lag() > 0).toList();
    }

    private static boolean olderThan(Instant time, Instant limit) {
        return time != null && time.isBefore(limit);
    }

    private static Verdict behind(StageStatus stage) {
        return new Verdict(false, "behind by " + stage.lag() + " record(s), committing");
    }

    private static Verdict stuck(
            StageStatus stage, List<PartitionStatus> partitions, Duration after, String why) {
        Instant oldest =
                partitions.stream()
                        .map(PartitionStatus::oldestWaiting)
                        .min(Comparator.naturalOrder())
                        .orElseThrow();
        return new Verdict(
                true,
                "stuck: "
                        + stage.lag()
                        + " record(s) waiting since "
                        + TimeText.shown(oldest)
                        + ", "
                        + why
                        + " for over "
                        + TimeText.span(after));
    }
}
