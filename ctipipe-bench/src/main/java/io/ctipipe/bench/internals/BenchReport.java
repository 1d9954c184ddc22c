package io.ctipipe.bench.internals;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a run measured, printed as a table followed by the result line.
 *
 * @param backfillCpu CPU ms each part used from the ingester's start to the backfill's end
 * @param peaks peak memory per service over the backfill and the steady rate
 * @param live heap per service after a full collection at the end, bytes (-1: unknown)
 */
record BenchReport(
        BenchOptions options,
        BenchTraffic backfillTraffic,
        BackfillPhase.Result backfill,
        Map<String, Long> backfillCpu,
        BenchTraffic steadyTraffic,
        SteadyRatePhase.Result steady,
        Map<String, MemorySample> peaks,
        Map<String, Long> live,
        BaselinePhase.Result baseline) {

    private static final double MIB = 1024.0 * 1024.0;

    /** True when the backfill and the steady rate delivered every IOC. */
    boolean complete() {
        return backfill.complete() && steady.complete();
    }

    BenchResult result() {
        return new BenchResult(
                backfill.indicators(),
                backfill.seconds(),
                backfill.throughput(),
                steady.latency(),
                peakHeapMb(),
                baselineIndicatorsPerSecond());
    }

    /** The baseline's IOC rate in the backfill's Indicators per IOC, so the ratio is fair. */
    double baselineIndicatorsPerSecond() {
        double perIoc = (double) backfillTraffic.indicators() / backfillTraffic.expectedIocs();
        return baseline.iocsPerSecond() * perIoc;
    }

    double peakHeapMb() {
        return peaks.values().stream().mapToLong(MemorySample::heapUsed).max().orElse(-1) / MIB;
    }

    void print(PrintStream out) {
        out.println();
        printBackfill(out);
        printSteady(out);
        printBaseline(out);
        printMemory(out);
        out.println();
        if (!complete()) {
            out.println("INCOMPLETE: some IOCs did not arrive in time; see " + options.workDir());
        }
        out.println(result().line());
    }

    private void printBackfill(PrintStream out) {
        int events = backfillTraffic.messages().size();
        row(
                out,
                "backfill",
                "indicators",
                f("%d creates (%d events)", backfill.indicators(), events));
        row(out, "", "delivered", delivered(backfill.deliveredIocs(), backfill.expectedIocs()));
        row(out, "", "seconds", f("%.2f  stream connected to last IOC", backfill.seconds()));
        double iocs = backfill.iocsPerSecond();
        row(
                out,
                "",
                "throughput",
                f("%.0f indicators/s (%.0f IOCs/s)", backfill.throughput(), iocs));
        row(out, "", "cpu", "us per indicator: " + cpuPerIndicator());
    }

    /** CPU microseconds per Indicator of each part, e.g. {@code sink 40 mapper 60}. */
    private String cpuPerIndicator() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Long> part : backfillCpu.entrySet()) {
            double micros = part.getValue() * 1000.0 / backfill.indicators();
            text.append(f("%s %.0f  ", part.getKey(), micros));
        }
        return text.toString().trim();
    }

    private void printSteady(PrintStream out) {
        long seconds = options.duration().toSeconds();
        String rate = f("%d indicators/s for %d s", options.rate(), seconds);
        row(out, "steady rate", "rate", rate + f(" (achieved %.1f/s)", steady.achievedRate()));
        int expected = steadyTraffic.expectedIocs();
        row(out, "", "delivered", delivered(steady.deliveredIocs(), expected));
        LatencyStats latency = steady.latency();
        String stats = f("p50 %d ms  p99 %d ms", latency.p50(), latency.p99());
        row(out, "", "latency", stats + f("  max %d ms (%d IOCs)", latency.max(), latency.count()));
    }

    private void printBaseline(PrintStream out) {
        if (baseline.seconds() == 0) {
            row(out, "baseline", "skipped", "");
            return;
        }
        String sample = f("%d IOCs in %.1f s", baseline.iocs(), baseline.seconds());
        row(out, "baseline", "sample", sample + ", one IOC per request, one at a time");
        double indicators = baselineIndicatorsPerSecond();
        String rate = f("%.2f IOCs/s = %.2f indicators/s", baseline.iocsPerSecond(), indicators);
        row(out, "", "throughput", rate + f("; ratio %.0f", result().ratio()));
    }

    private void printMemory(PrintStream out) {
        String where = options.separateJvms() ? "" : " (one JVM: each is the whole JVM's)";
        String columns = "peak heap MB  max after GC MB  live at end MB  peak RSS MB";
        row(out, "memory", "service", columns + where);
        peaks.forEach((service, peak) -> row(out, "", service, megabytes(service, peak)));
    }

    private String megabytes(String service, MemorySample peak) {
        double atEnd = live.getOrDefault(service, -1L) / MIB;
        return f(
                "%12.0f  %14.0f  %14.0f  %11.0f",
                peak.heapUsed() / MIB, peak.liveData() / MIB, atEnd, peak.rssPeak() / MIB);
    }

    private static String delivered(int delivered, int expected) {
        String text = delivered + " of " + expected + " IOCs";
        return delivered >= expected ? text : text + " (timed out)";
    }

    private static void row(PrintStream out, String phase, String figure, String value) {
        out.println(f("%-12s %-11s %s", phase, figure, value));
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
