package io.ctipipe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.ops.internals.ResetSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option parsing and checks that fail before any Kafka client is created. */
class CommandOptionsTest {

    @Test
    void aNegativeShiftIsAValueNotAnOption() {
        ReplayCommand command = new ReplayCommand();

        new CommandLine(command).parseArgs("--stage", "SINK", "--shift-by", "-5");

        assertThat(command.stage).isEqualTo(ReplayStage.SINK);
        assertThat(command.reset.spec()).isEqualTo(new ResetSpec.ShiftBy(-5));
    }

    @Test
    void badValuesAreOneLineNamingTheOption() {
        TestPipeline.Run offset =
                TestPipeline.run(new ReplayCommand(), "--stage", "sink", "--to-offset", "0-5");
        TestPipeline.Run stage =
                TestPipeline.run(new ReplayCommand(), "--stage", "ingestr", "--from", "0-0");
        TestPipeline.Run from =
                TestPipeline.run(new ReplayCommand(), "--stage", "ingester", "--from", "x");

        assertThat(offset.exitCode()).isEqualTo(2);
        assertThat(offset.err())
                .contains("Invalid value for option '--to-offset'")
                .contains("got '0-5'");
        assertThat(stage.err()).contains("expected mapper, sink or ingester, got 'ingestr'");
        assertThat(from.err()).contains("Invalid value for option '--from'");
    }

    @Test
    void optionsOfOneStageAreRefusedForAnother() {
        TestPipeline.Run resend =
                TestPipeline.run(
                        new ReplayCommand(), "--stage", "mapper", "--to-earliest", "--resend");
        TestPipeline.Run force =
                TestPipeline.run(
                        new ReplayCommand(), "--stage", "sink", "--to-earliest", "--force");
        TestPipeline.Run from =
                TestPipeline.run(
                        new ReplayCommand(), "--stage", "sink", "--to-latest", "--from", "0-0");

        assertThat(resend.err()).contains("--resend applies to --stage sink only");
        assertThat(force.err()).contains("--force applies to --stage ingester only");
        assertThat(from.err()).contains("--from applies to --stage ingester only");
    }

    @Test
    void dlqOptionsAreCheckedBeforeAnythingIsRead() {
        TestPipeline.Run topic = TestPipeline.run(new DlqCommand(), "list", "--topic", "nope");
        TestPipeline.Run coordinates = TestPipeline.run(new DlqCommand(), "show", "zero");
        TestPipeline.Run missing = TestPipeline.run(new DlqCommand());

        assertThat(topic.err())
                .contains("expected one of iocs-dlq, events-dlq, skipped, got 'nope'");
        assertThat(coordinates.err()).contains("expected partition:offset such as 0:42");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing a command: list, show or redrive");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(TestPipeline.run(new ReplayCommand(), "--help").out()).contains("--to-datetime");
        assertThat(
                        TestPipeline.run(new DlqCommand(), "redrive", "--help")
                                .out()
                                .replaceAll("\\s+", " "))
                .contains("a redriven upsert never undoes a later delete");
        assertThat(TestPipeline.run(new StatusCommand(), "--help").out()).contains("Exit code 3");
    }
}
