package io.ctipipe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    @Test
    void partitionWithOnlyTransactionMarkersLeftCountsAsCaughtUp() {
        ConsumerLag raw =
                new ConsumerLag(
                        "g",
                        "t",
                        Map.of(
                                0, new ConsumerLag.PartitionLag(216, 217, 0, false),
                                1, new ConsumerLag.PartitionLag(10, 15, 0, false)));

        ConsumerLag lag = raw.ignoringMarkers((partition, offset) -> partition == 1);

        assertThat(raw.total()).isEqualTo(6);
        assertThat(lag.partitions().get(0).lag()).isZero();
        assertThat(lag.partitions().get(1).lag()).isEqualTo(5);
        assertThat(lag.total()).isEqualTo(5);
    }

    @Test
    void drainedNeedsNoLagAndNoOpenTransaction() {
        ConsumerLag caughtUp = lag(new ConsumerLag.PartitionLag(7, 7, 0, false));
        ConsumerLag open = lag(new ConsumerLag.PartitionLag(7, 7, 0, true));
        ConsumerLag behind = lag(new ConsumerLag.PartitionLag(6, 7, 0, false));

        assertThat(caughtUp.drained()).isTrue();
        assertThat(open.drained()).isFalse();
        assertThat(behind.drained()).isFalse();
    }

    @Test
    void ignoringMarkersKeepsAnOpenTransactionOpen() {
        ConsumerLag raw = lag(new ConsumerLag.PartitionLag(6, 7, 0, true));

        ConsumerLag lag = raw.ignoringMarkers((partition, offset) -> false);

        assertThat(lag.total()).isZero();
        assertThat(lag.drained()).isFalse();
    }

    private static ConsumerLag lag(ConsumerLag.PartitionLag partition) {
        return new ConsumerLag("g", "t", Map.of(0, partition));
    }
}
