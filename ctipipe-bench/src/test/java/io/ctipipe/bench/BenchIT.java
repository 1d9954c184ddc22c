package io.ctipipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ctipipe bench --quick} end to end at a tiny size, each service in its own JVM: the run
 * delivers everything and ends with a result line of sane numbers. No speed is asserted.
 */
class BenchIT {
    private static final Pattern LINE =
            Pattern.compile(
                    "bench: indicators=(\\d+) seconds=([0-9.]+) throughput=([0-9.]+)"
                            + " p50_ms=(\\d+) p99_ms=(\\d+) heap_mb=([0-9.]+)"
                            + " baseline_throughput=([0-9.]+) ratio=([0-9.]+)");

    /** Quicker JVM starts and short phases: this test checks the output, not the speed. */
    private static final List<String> ARGS =
            List.of(
                    "--quick",
                    "--indicators=300",
                    "--rate=50",
                    "--duration=1",
                    "--baseline-seconds=1",
                    "--latency-ms=10",
                    "--service-jvm-options=-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");

    private static String[] args(Path workDir) {
        List<String> args = new ArrayList<>(ARGS);
        args.add("--work-dir=" + workDir);
        return args.toArray(String[]::new);
    }

    @Test
    void quickRunPrintsTheTableAndAResultLineOfSaneNumbers(@TempDir Path workDir) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;

        int exit;
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            exit = new CommandLine(new BenchCommand()).execute(args(workDir));
        } finally {
            System.setOut(original);
        }

        String output = console.toString(StandardCharsets.UTF_8);
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        Matcher line = LINE.matcher(last);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("backfill", "steady rate", "baseline", "memory");
        assertThat(line.matches()).as(last).isTrue();
        assertThat(Integer.parseInt(line.group(1))).isEqualTo(300);
        assertThat(Double.parseDouble(line.group(2))).isPositive();
        assertThat(Double.parseDouble(line.group(3))).isPositive();
        assertThat(Long.parseLong(line.group(5)))
                .isGreaterThanOrEqualTo(Long.parseLong(line.group(4)));
        assertThat(Double.parseDouble(line.group(6))).isBetween(1.0, 256.0);
        assertThat(Double.parseDouble(line.group(7))).isPositive();
        assertThat(Double.parseDouble(line.group(8))).isPositive();
    }
}
