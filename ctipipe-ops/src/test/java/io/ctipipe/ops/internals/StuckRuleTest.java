package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StuckRuleTest {
    private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));
    private static final Instant SECONDS_AGO = NOW.minusSeconds(10);

    @Test
    void noLagIsNeverStuck() {
        StageStatus stage = stage(true, partition(0, 0L, null, null));

        assertThat(StuckRule.snapshot(stage, false, NOW, FIVE_MINUTES).stuck()).isFalse();
    }

    @Test
    void oldWorkWithAnOldCommitIsStuck() {
        StageStatus stage = stage(true, partition(4, 10L, HOUR_AGO, HOUR_AGO));

        StuckRule.Verdict verdict = StuckRule.snapshot(stage, true, NOW, FIVE_MINUTES);

        assertThat(verdict.stuck()).isTrue();
        assertThat(verdict.text())
                .isEqualTo(
                        "stuck: 4 record(s) waiting since 2026-03-03T11:00:00Z, no commit for over"
                                + " 5 min");
    }

    @Test
    void oldWorkWithoutAnyCommitIsStuck() {
        StageStatus stage = stage(true, partition(4, null, null, HOUR_AGO));

        assertThat(StuckRule.snapshot(stage, true, NOW, FIVE_MINUTES).stuck()).isTrue();
    }

    @Test
    void anOldBacklogWithRecentCommitsIsCatchingUp() {
        StageStatus stage = stage(true, partition(400, 10L, SECONDS_AGO, HOUR_AGO));

        StuckRule.Verdict verdict = StuckRule.snapshot(stage, true, NOW, FIVE_MINUTES);

        assertThat(verdict.stuck()).isFalse();
        assertThat(verdict.text()).isEqualTo("behind by 400 record(s), committing");
    }

    @Test
    void freshWorkAfterALongIdleIsNotStuck() {
        StageStatus stage = stage(true, partition(2, 10L, HOUR_AGO, SECONDS_AGO));

        assertThat(StuckRule.snapshot(stage, true, NOW, FIVE_MINUTES).stuck()).isFalse();
    }

    @Test
    void withoutCommitTimesOnlyAStoppedGroupWithOldWorkIsStuck() {
        StageStatus stage = stage(false, partition(4, 10L, null, HOUR_AGO));

        assertThat(StuckRule.snapshot(stage, false, NOW, FIVE_MINUTES).text())
                .contains("no active member");
        assertThat(StuckRule.snapshot(stage, true, NOW, FIVE_MINUTES).text())
                .contains("use --watch-seconds");
    }

    @Test
    void watchingCallsStuckOnlyWhenNoCommittedOffsetMoved() {
        StageStatus stage =
                stage(true, partition(4, 10L, null, null), partition(0, 3L, null, null));
        Map<Integer, Long> same = Map.of(0, 10L, 1, 3L);
        Map<Integer, Long> moved = Map.of(0, 8L, 1, 3L);

        assertThat(StuckRule.watched(stage, same, Duration.ofSeconds(30)).text())
                .isEqualTo("stuck: 4 record(s) waiting and no commit during 30 s");
        assertThat(StuckRule.watched(stage, moved, Duration.ofSeconds(30)).stuck()).isFalse();
    }

    @Test
    void watchingSeesAFirstCommitAsProgress() {
        StageStatus stage = stage(true, partition(4, 2L, null, null));
        Map<Integer, Long> never = new HashMap<>();
        never.put(0, null);

        assertThat(StuckRule.watched(stage, never, Duration.ofSeconds(5)).stuck()).isFalse();
    }

    @Test
    void theIngesterIsStuckWhenItsPositionIsOld() {
        assertThat(StuckRule.ingester(HOUR_AGO, NOW, FIVE_MINUTES).stuck()).isTrue();
        assertThat(StuckRule.ingester(SECONDS_AGO, NOW, FIVE_MINUTES).text())
                .isEqualTo("ok: position written 10s ago");
        assertThat(StuckRule.ingester(null, NOW, FIVE_MINUTES).stuck()).isFalse();
    }

    private static PartitionStatus partition(
            long lag, Long committed, Instant lastCommit, Instant oldestWaiting) {
        return new PartitionStatus(0, committed, 100, lag, lastCommit, oldestWaiting);
    }

    private static StageStatus stage(boolean commitTimesKnown, PartitionStatus... partitions) {
        List<PartitionStatus> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < partitions.length; i++) {
            PartitionStatus p = partitions[i];
            numbered.add(
                    new PartitionStatus(
                            i, p.committed(), p.end(), p.lag(), p.lastCommit(), p.oldestWaiting()));
        }
        long lag = numbered.stream().mapToLong(PartitionStatus::lag).sum();
        return new StageStatus(
                "sink", "g", "t", "Empty", 0, lag, null, commitTimesKnown, numbered, false, "");
    }
}
