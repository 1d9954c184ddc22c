package io.ctipipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCommandTest {
    private static final String INDICATOR =
            "{\"type\":\"indicator\",\"spec_version\":\"2.1\","
                    + "\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
                    + "\"pattern_type\":\"stix\",\"pattern\":\"[ipv4-addr:value = '1.2.3.4']\"}";
    private static final String YARA =
            "{\"type\":\"indicator\",\"spec_version\":\"2.1\","
                    + "\"id\":\"indicator--5b1d7c9e-0f43-4a55-9e0c-1c2d3e4f5a6b\","
                    + "\"pattern_type\":\"yara\",\"pattern\":\"rule x { condition: true }\"}";

    @TempDir Path dir;

    @Test
    void anEmptyInputPrintsNothingOnStdoutAndASummaryOnStderr() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.json"));

        CommandOutput run = CommandOutput.run("map", empty.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines())
                .containsExactly(
                        "ctipipe map: empty input, 0 decisions for 0 Indicators: 0 upsert, 0 delete,"
                                + " 0 skip");
    }

    @Test
    void theSummaryCountsTheLinesPrintedByAction() throws Exception {
        Path input = Files.writeString(dir.resolve("two.json"), INDICATOR + "\n" + YARA + "\n");

        CommandOutput run = CommandOutput.run("map", input.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "ctipipe map: 2 decisions for 2 Indicators: 1 upsert, 0 delete, 1 skip");
    }

    @Test
    void inputWithoutIndicatorsIsNotCalledEmpty() throws Exception {
        Path input = Files.writeString(dir.resolve("identity.json"), "{\"type\":\"identity\"}\n");

        CommandOutput run = CommandOutput.run("map", input.toString());

        assertThat(run.err().lines())
                .containsExactly(
                        "ctipipe map: 0 decisions for 0 Indicators: 0 upsert, 0 delete, 0 skip");
    }

    @Test
    void invalidJsonGetsItsOneErrorLineAndNoSummary() throws Exception {
        Path input = Files.writeString(dir.resolve("bad.json"), "{not json\n");

        CommandOutput run = CommandOutput.run("map", input.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("invalid JSON");
    }

    @Test
    void anIndicatorInSeveralEventsCountsAsOneIndicatorWithADecisionPerEvent() throws Exception {
        Path input =
                Files.writeString(
                        dir.resolve("repeated.json"), INDICATOR + "\n" + INDICATOR + "\n" + YARA);

        CommandOutput run = CommandOutput.run("map", input.toString());

        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.err().lines())
                .containsExactly(
                        "ctipipe map: 3 decisions for 2 Indicators: 2 upsert, 0 delete, 1 skip");
    }

    @Test
    void aMissingInputFileIsAUsageErrorNamingTheFile() {
        Path missing = dir.resolve("missing.json");

        CommandOutput run = CommandOutput.run("map", missing.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "ctipipe map: cannot read input file "
                                + missing
                                + ": no such file (see 'ctipipe map --help')");
    }

    @Test
    void aDirectoryAsInputIsAUsageErrorNamingIt() {
        CommandOutput run = CommandOutput.run("map", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "ctipipe map: cannot read input file "
                                + dir
                                + ": it is a directory, not a file (see 'ctipipe map --help')");
    }
}
