package io.ctipipe.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.emulator.opencti.GroundTruth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart path at a small size, so CI guards the whole pipeline end to end. */
class QuickstartIT {

    @Test
    void smallRunEndsWithExactlyTheGroundTruthInSentinelOne(@TempDir Path workDir)
            throws Exception {
        QuickstartOptions options =
                new QuickstartOptions(
                        400, 3, 7, 4, 0.2, Duration.ofMillis(5), Duration.ofSeconds(120), workDir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        boolean passed;
        try (PipelineEnvironment env = new PipelineEnvironment();
                PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            passed = new Quickstart(options, out, false).run(env);
        }

        String output = console.toString(StandardCharsets.UTF_8);
        GroundTruth truth = GroundTruth.readJson(options.groundTruthFile());
        assertThat(passed).as(output).isTrue();
        assertThat(output).contains("PASSED").contains("events read from the stream");
        assertThat(truth.expected()).isNotEmpty();
        assertThat(truth.rejected()).hasSize(3);
        assertThat(Files.size(options.logFile())).isPositive();
    }
}
