package io.ctipipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CtipipeCommandTest {

    @Test
    void helpListsOnlyCommandsThatExist() {
        CommandLine commandLine = Ctipipe.commandLine();

        String help = commandLine.getUsageMessage();

        assertThat(commandLine.getSubcommands().keySet()).isNotEmpty();
        commandLine
                .getSubcommands()
                .forEach(
                        (name, sub) -> {
                            assertThat(help).contains(name);
                            assertThat(sub.getCommandSpec().usageMessage().description())
                                    .isNotEmpty();
                        });
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine commandLine = Ctipipe.commandLine();

        commandLine
                .getSubcommands()
                .values()
                .forEach(
                        sub ->
                                assertThat(sub.getCommandSpec().mixinStandardHelpOptions())
                                        .isTrue());
    }

    @Test
    void unknownCommandExitsNonZeroWithOneClearLine() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ctipipe.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute("no-such-command");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly(
                        "ctipipe: Unmatched argument at index 0: 'no-such-command'"
                                + " (see 'ctipipe --help')");
    }

    @Test
    void helpListsTheBenchmarkThatShipsAsItsOwnJar() {
        String help = Ctipipe.commandLine().getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help)
                .contains(" bench Benchmark the whole pipeline")
                .contains("'./ctipipe bench --help' lists its options");
    }

    @Test
    void benchFromThisJarSaysWhereTheBenchmarkIs() {
        CommandOutput run = CommandOutput.run("bench", "--quick");

        assertThat(run.exitCode()).isEqualTo(OneLineErrorHandler.FAILURE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("ctipipe bench: the benchmark is its own jar: run './ctipipe bench")
                .contains(BenchCommand.BENCH_JAR);
    }
}
