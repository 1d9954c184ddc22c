package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResetSpecTest {
    /** Log from 10 to 50, committed at 30, the reset time falls on offset 42. */
    private static final PartitionPosition P0 =
            new PartitionPosition(0, OptionalLong.of(30), 10, 50, OptionalLong.of(42));

    private static final PartitionPosition NEVER_COMMITTED =
            new PartitionPosition(1, OptionalLong.empty(), 10, 50, OptionalLong.empty());

    @Test
    void parsesOneOffsetForAllOrPairsForSomePartitions() {
        assertThat(ResetSpec.toOffset("120")).isEqualTo(new ResetSpec.ToOffset(120));
        assertThat(ResetSpec.toOffset("0:120, 2:80"))
                .isEqualTo(new ResetSpec.ToPartitionOffsets(Map.of(0, 120L, 2, 80L)));
    }

    @Test
    void rejectsMalformedOffsetsWithTheExpectedForm() {
        assertThatThrownBy(() -> ResetSpec.toOffset("0:1:2"))
                .hasMessageContaining("partition:offset pairs such as 0:120,2:80");
        assertThatThrownBy(() -> ResetSpec.toOffset("-5")).hasMessageContaining("got '-5'");
        assertThatThrownBy(() -> ResetSpec.toOffset("x")).hasMessageContaining("got 'x'");
        assertThatThrownBy(() -> ResetSpec.toOffset("1:5,1:6")).hasMessageContaining("given twice");
    }

    @Test
    void earliestLatestAndTimeTargets() {
        assertThat(new ResetSpec.ToEarliest().target(P0)).hasValue(10);
        assertThat(new ResetSpec.ToLatest().target(P0)).hasValue(50);
        assertThat(new ResetSpec.ToDatetime(Instant.EPOCH).target(P0)).hasValue(42);
    }

    @Test
    void aTimePastTheLastRecordMeansLatest() {
        assertThat(new ResetSpec.ToDatetime(Instant.EPOCH).target(NEVER_COMMITTED)).hasValue(50);
    }

    @Test
    void offsetsAndShiftsAreClampedToTheLog() {
        assertThat(new ResetSpec.ToOffset(5).target(P0)).hasValue(10);
        assertThat(new ResetSpec.ToOffset(99).target(P0)).hasValue(50);
        assertThat(new ResetSpec.ShiftBy(-25).target(P0)).hasValue(10);
        assertThat(new ResetSpec.ShiftBy(5).target(P0)).hasValue(35);
    }

    @Test
    void partitionOffsetsLeaveUnlistedPartitionsAlone() {
        ResetSpec spec = new ResetSpec.ToPartitionOffsets(Map.of(0, 20L));

        assertThat(spec.target(P0)).hasValue(20);
        assertThat(spec.target(NEVER_COMMITTED)).isEmpty();
        assertThat(spec.describe()).isEqualTo("--to-offset 0:20");
    }

    @Test
    void aShiftNeedsACommittedOffset() {
        assertThatThrownBy(() -> new ResetSpec.ShiftBy(-1).target(NEVER_COMMITTED))
                .hasMessageContaining("cannot shift partition 1")
                .hasMessageContaining("no committed offset");
    }

    @Test
    void aDurationBecomesATimeBeforeNow() {
        Instant now = Instant.parse("2026-03-03T14:00:00Z");

        ResetSpec resolved = new ResetSpec.ByDuration(Duration.ofHours(2)).resolve(now);

        assertThat(resolved.resetTime()).contains(Instant.parse("2026-03-03T12:00:00Z"));
    }
}
