package io.ctipipe.bench.internals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does.
 *
 * @param indicators Indicator creates in the backfill
 * @param rate Indicators per second in the latency phase
 * @param duration length of the latency phase
 * @param latency SentinelOne emulator latency per request
 * @param baselineSample length of the baseline sample; zero skips the baseline
 * @param partitions partitions of each topic
 * @param seed traffic seed
 * @param workDir where logs, profiles and the report go
 * @param separateJvms each service in its own JVM (else all in this one)
 * @param jvmOptions options of each service JVM
 * @param jfr record a JFR profile of each service JVM
 * @param overrides service settings over the bench's defaults
 */
public record BenchOptions(
        int indicators,
        int rate,
        Duration duration,
        Duration latency,
        Duration baselineSample,
        int partitions,
        long seed,
        Path workDir,
        boolean separateJvms,
        List<String> jvmOptions,
        boolean jfr,
        Map<String, String> overrides) {

    /**
     * Each service's heap is capped as the targets say. The parallel collector used 12-20% less CPU
     * per Indicator than G1 (the JVM's default) in the services on this 2-core machine.
     */
    public static final String DEFAULT_JVM_OPTIONS =
            "-Xmx256m -XX:+UseParallelGC -XX:TieredStopAtLevel=1";

    public BenchOptions {
        jvmOptions = List.copyOf(jvmOptions);
        overrides = Map.copyOf(overrides);
    }

    public static BenchOptions defaults() {
        return new BenchOptions(
                100_000,
                200,
                Duration.ofSeconds(60),
                Duration.ofMillis(50),
                Duration.ofSeconds(30),
                4,
                42,
                Path.of(".ctipipe", "bench"),
                true,
                List.of(DEFAULT_JVM_OPTIONS.split(" ")),
                false,
                Map.of());
    }

    /** Small enough for a test: 2000 Indicators, 5 s of steady rate, a 5 s baseline. */
    public static BenchOptions quick() {
        return new BenchOptions(
                2_000,
                100,
                Duration.ofSeconds(5),
                Duration.ofMillis(50),
                Duration.ofSeconds(5),
                4,
                42,
                Path.of(".ctipipe", "bench"),
                true,
                List.of(DEFAULT_JVM_OPTIONS.split(" ")),
                false,
                Map.of());
    }

    public Path logFile() {
        return workDir.resolve("bench.log");
    }

    /** Longest wait for a phase to deliver everything: generous, a stuck run still ends. */
    public Duration phaseTimeout(int indicators) {
        return Duration.ofSeconds(120 + indicators / 500);
    }
}
