package io.ctipipe.bench.internals;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies by the nearest-rank method: the p-th percentile is the smallest
 * sample that at least p percent of the samples do not exceed.
 *
 * @param count samples
 * @param p50 median, ms
 * @param p99 99th percentile, ms
 * @param max largest sample, ms
 */
public record LatencyStats(int count, long p50, long p99, long max) {
    public static final LatencyStats NONE = new LatencyStats(0, 0, 0, 0);

    public static LatencyStats of(long[] samples) {
        if (samples.length == 0) {
            return NONE;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new LatencyStats(
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile of sorted samples; p from 0 (exclusive) to 100. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
