package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

class GroupGuardTest {

    @Test
    void onlyEmptyAndDeadGroupsAreInactive() {
        assertThat(activity(GroupState.EMPTY).active()).isFalse();
        assertThat(activity(GroupState.DEAD).active()).isFalse();
        assertThat(activity(GroupState.STABLE).active()).isTrue();
        assertThat(activity(GroupState.PREPARING_REBALANCE).active()).isTrue();
        assertThat(activity(GroupState.RECONCILING).active()).isTrue();
    }

    @Test
    void theRefusalNamesTheGroupTheServiceToStopAndThatNothingChanged() {
        String message =
                GroupGuard.refusal(
                        new GroupGuard.GroupActivity("ctipipe-mapper", GroupState.STABLE, 1),
                        "mapper",
                        " (it lingers 45 s)");

        assertThat(message)
                .isEqualTo(
                        "consumer group ctipipe-mapper is active (state Stable, 1 member(s)):"
                                + " stop the mapper first (it lingers 45 s); nothing was changed");
    }

    private static GroupGuard.GroupActivity activity(GroupState state) {
        return new GroupGuard.GroupActivity("g", state, 0);
    }
}
