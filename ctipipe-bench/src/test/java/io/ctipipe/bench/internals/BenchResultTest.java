package io.ctipipe.bench.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchResultTest {

    @Test
    void printsTheMachineReadableLineWithEveryFigure() {
        BenchResult result =
                new BenchResult(
                        100_000,
                        8.456,
                        11_825.7,
                        new LatencyStats(12_000, 412, 1_380, 1_900),
                        187.4,
                        9.6);

        String line = result.line();

        assertThat(line)
                .isEqualTo(
                        "bench: indicators=100000 seconds=8.46 throughput=11826 p50_ms=412"
                                + " p99_ms=1380 heap_mb=187 baseline_throughput=9.60 ratio=1232");
    }

    @Test
    void lineMatchesTheDocumentedPattern() {
        BenchResult result = new BenchResult(2_000, 5.0, 400, LatencyStats.NONE, 40, 8);

        assertThat(result.line())
                .matches(
                        "bench: indicators=\\d+ seconds=[0-9.]+ throughput=[0-9.]+"
                                + " p50_ms=\\d+ p99_ms=\\d+ heap_mb=[0-9.]+"
                                + " baseline_throughput=[0-9.]+ ratio=[0-9.]+");
    }

    @Test
    void ratioIsThroughputOverBaseline() {
        BenchResult result = new BenchResult(1_000, 1, 5_000, LatencyStats.NONE, 1, 10);

        assertThat(result.ratio()).isEqualTo(500.0);
    }

    @Test
    void ratioIsZeroWithoutABaseline() {
        BenchResult result = new BenchResult(1_000, 1, 5_000, LatencyStats.NONE, 1, 0);

        assertThat(result.ratio()).isZero();
        assertThat(result.line()).endsWith("baseline_throughput=0.00 ratio=0");
    }
}
