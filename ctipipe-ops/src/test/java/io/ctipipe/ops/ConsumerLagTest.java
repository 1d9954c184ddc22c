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
                                0, new ConsumerLag.PartitionLag(216, 217, 0),
                                1, new ConsumerLag.PartitionLag(10, 15, 0)));

        ConsumerLag lag = raw.ignoringMarkers((partition, offset) -> partition == 1);

        assertThat(raw.total()).isEqualTo(6);
        assertThat(lag.partitions().get(0).lag()).isZero();
        assertThat(lag.partitions().get(1).lag()).isEqualTo(5);
        assertThat(lag.total()).isEqualTo(5);
    }
}
