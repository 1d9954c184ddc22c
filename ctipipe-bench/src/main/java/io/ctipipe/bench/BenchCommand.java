package io.ctipipe.bench;

import io.ctipipe.bench.internals.BenchOptions;
import io.ctipipe.bench.internals.BenchRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ctipipe bench}: the whole pipeline (embedded broker, both emulators, the three services,
 * each service in its own JVM by default) on generated traffic. It measures the backfill
 * throughput, the latency at a steady rate, each service's memory, and the throughput of a sink
 * configured like the original connector (one IOC per request), then prints a table and one final
 * line {@code bench: indicators=N seconds=S throughput=X p50_ms=A p99_ms=B heap_mb=H
 * baseline_throughput=Y ratio=R}. Exit code 0 when every phase delivered everything it sent.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark the whole pipeline on this machine: backfill throughput, latency at a"
                    + " steady rate, memory of each service, and the ratio to a one-IOC-per-request"
                    + " baseline.",
            "Ends with one line: bench: indicators=N seconds=S throughput=X p50_ms=A p99_ms=B"
                    + " heap_mb=H baseline_throughput=Y ratio=R"
        })
public final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--indicators",
            description = "Indicator creates in the backfill (default 100000; --quick 2000).")
    Integer indicators;

    @Option(
            names = "--rate",
            description = "Indicators per second in the latency phase (default 200).")
    Integer rate;

    @Option(
            names = "--duration",
            description = "Seconds of the latency phase (default 60; --quick 5).")
    Integer durationSeconds;

    @Option(
            names = "--latency-ms",
            defaultValue = "50",
            description = "SentinelOne emulator latency per request, ms (default 50).")
    int latencyMillis;

    @Option(
            names = "--baseline-seconds",
            description = "Length of the baseline sample, s (default 30; --quick 5; 0 skips it).")
    Integer baselineSeconds;

    @Option(
            names = "--partitions",
            defaultValue = "4",
            description = "Partitions of each topic (default 4).")
    int partitions;

    @Option(names = "--seed", defaultValue = "42", description = "Traffic seed (default 42).")
    long seed;

    @Option(
            names = "--quick",
            description = "A small run for tests and a first look (2000 indicators, 5 s phases).")
    boolean quick;

    @Option(
            names = "--in-process",
            description = "Run the services in this JVM (memory is then the whole JVM's).")
    boolean inProcess;

    @Option(
            names = "--service-jvm-options",
            defaultValue = BenchOptions.DEFAULT_JVM_OPTIONS,
            description = "JVM options of each service JVM (default '${DEFAULT-VALUE}').")
    String jvmOptions;

    @Option(
            names = "--jfr",
            description = "Record a JFR profile of each service JVM into the work directory.")
    boolean jfr;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "A service setting over the bench's defaults, e.g. SINK_MAX_IN_FLIGHT=8.")
    Map<String, String> overrides = new TreeMap<>();

    @Option(
            names = "--work-dir",
            defaultValue = ".ctipipe/bench",
            description = "Where logs, profiles and the report go (default .ctipipe/bench).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        return new BenchRun(options(), System.out).run() ? 0 : 1;
    }

    BenchOptions options() {
        BenchOptions base = quick ? BenchOptions.quick() : BenchOptions.defaults();
        return new BenchOptions(
                indicators != null ? indicators : base.indicators(),
                rate != null ? rate : base.rate(),
                durationSeconds != null ? Duration.ofSeconds(durationSeconds) : base.duration(),
                Duration.ofMillis(latencyMillis),
                baselineSeconds != null
                        ? Duration.ofSeconds(baselineSeconds)
                        : base.baselineSample(),
                partitions,
                seed,
                workDir.toAbsolutePath(),
                !inProcess,
                words(jvmOptions),
                jfr,
                overrides);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
