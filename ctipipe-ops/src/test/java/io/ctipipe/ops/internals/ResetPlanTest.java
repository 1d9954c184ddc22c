package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ResetPlanTest {
    private static final ResetPlan PLAN =
            new ResetPlan(
                    "ctipipe-sink",
                    "sentinelone.iocs",
                    "--to-earliest",
                    List.of(
                            new ResetPlan.Row(0, OptionalLong.of(120), 0),
                            new ResetPlan.Row(1, OptionalLong.empty(), 0),
                            new ResetPlan.Row(2, OptionalLong.of(5), 5),
                            new ResetPlan.Row(3, OptionalLong.of(5), 9)));

    @Test
    void tableShowsCurrentNewAndTheMove() {
        assertThat(PLAN.table())
                .isEqualTo(
                        "PARTITION  CURRENT  NEW  MOVE\n"
                                + "0          120      0    -120\n"
                                + "1          -        0    new\n"
                                + "2          5        5    0\n"
                                + "3          5        9    +4\n");
    }

    @Test
    void countsChangedPartitionsAndBuildsTheOffsetsToCommit() {
        assertThat(PLAN.changedPartitions()).isEqualTo(3);
        assertThat(PLAN.offsets()).hasSize(4);
        assertThat(PLAN.offsets().get(new TopicPartition("sentinelone.iocs", 3)).offset())
                .isEqualTo(9);
    }
}
