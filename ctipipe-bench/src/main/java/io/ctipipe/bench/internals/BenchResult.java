package io.ctipipe.bench.internals;

import java.util.Locale;

/**
 * The figures of one run, and the machine-readable line that ends its output.
 *
 * @param indicators Indicator creates in the backfill
 * @param seconds from the first byte of the stream to the last IOC the emulator accepted
 * @param throughput indicators per second over those seconds
 * @param latency at the steady rate, from the event's stream id to the IOC's arrival
 * @param heapMb the largest peak heap among the three services, MiB
 * @param baselineThroughput the one-IOC-per-request sink's rate in indicators per second; 0 when it
 *     was not measured
 */
public record BenchResult(
        int indicators,
        double seconds,
        double throughput,
        LatencyStats latency,
        double heapMb,
        double baselineThroughput) {

    /** throughput / baseline_throughput; 0 when there is no baseline. */
    public double ratio() {
        return baselineThroughput > 0 ? throughput / baselineThroughput : 0;
    }

    /** {@code bench: indicators=N seconds=S throughput=X ... ratio=R}, one line. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "bench: indicators=%d seconds=%.2f throughput=%.0f p50_ms=%d p99_ms=%d"
                        + " heap_mb=%.0f baseline_throughput=%.2f ratio=%.0f",
                indicators,
                seconds,
                throughput,
                latency.p50(),
                latency.p99(),
                heapMb,
                baselineThroughput,
                ratio());
    }
}
