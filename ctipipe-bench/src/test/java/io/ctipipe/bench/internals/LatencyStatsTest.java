package io.ctipipe.bench.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void takesNearestRankPercentilesOfOneToAHundred() {
        long[] samples = LongStream.rangeClosed(1, 100).toArray();

        LatencyStats stats = LatencyStats.of(samples);

        assertThat(stats).isEqualTo(new LatencyStats(100, 50, 99, 100));
    }

    @Test
    void sortsSamplesGivenInAnyOrderWithoutChangingTheCallersArray() {
        long[] samples = {900, 10, 500, 30, 20};

        LatencyStats stats = LatencyStats.of(samples);

        assertThat(stats.p50()).isEqualTo(30);
        assertThat(stats.p99()).isEqualTo(900);
        assertThat(stats.max()).isEqualTo(900);
        assertThat(samples).containsExactly(900, 10, 500, 30, 20);
    }

    @Test
    void p99OfAThousandSamplesIgnoresTheTenLargest() {
        long[] samples = LongStream.rangeClosed(1, 1000).toArray();

        LatencyStats stats = LatencyStats.of(samples);

        assertThat(stats.p99()).isEqualTo(990);
        assertThat(stats.p50()).isEqualTo(500);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        LatencyStats stats = LatencyStats.of(new long[] {42});

        assertThat(stats).isEqualTo(new LatencyStats(1, 42, 42, 42));
    }

    @Test
    void noSamplesGiveZeros() {
        assertThat(LatencyStats.of(new long[0])).isEqualTo(LatencyStats.NONE);
    }
}
