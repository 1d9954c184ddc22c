package io.ctipipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.bench.internals.BenchOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void defaultsFollowTheIssue() {
        BenchOptions options = parse();

        assertThat(options.indicators()).isEqualTo(100_000);
        assertThat(options.rate()).isEqualTo(200);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.latency()).isEqualTo(Duration.ofMillis(50));
        assertThat(options.baselineSample()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.separateJvms()).isTrue();
        assertThat(options.jvmOptions())
                .containsExactly("-Xmx256m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void quickShrinksEverySizeButWhatIsGivenExplicitly() {
        BenchOptions options = parse("--quick", "--indicators", "300");

        assertThat(options.indicators()).isEqualTo(300);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.baselineSample()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void passesSettingsAndJvmOptionsToTheServices() {
        BenchOptions options =
                parse(
                        "--set",
                        "SINK_MAX_IN_FLIGHT=8",
                        "--set",
                        "SENTINELONE_BATCH_SIZE=1000",
                        "--service-jvm-options",
                        "-Xmx300m -XX:+UseSerialGC",
                        "--latency-ms",
                        "20",
                        "--in-process");

        assertThat(options.overrides())
                .containsEntry("SINK_MAX_IN_FLIGHT", "8")
                .containsEntry("SENTINELONE_BATCH_SIZE", "1000");
        assertThat(options.jvmOptions()).containsExactly("-Xmx300m", "-XX:+UseSerialGC");
        assertThat(options.latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(options.separateJvms()).isFalse();
    }

    private static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }
}
