package io.ctipipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void noCommandNamesTheMistakeAndTheHelpOnce() {
        CommandOutput run = CommandOutput.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly("ctipipe: Missing a command (see 'ctipipe --help')");
    }

    @Test
    void sentinelOneEmulatorHelpStatesOnePortDefault() {
        CommandOutput run = CommandOutput.run("emulate", "sentinelone", "--help");

        assertThat(run.out()).contains("default 8443");
        assertThat(run.out()).doesNotContainPattern("--port P\\s");
    }

    @Test
    void anOperationsCommandFailsFastWithOneLineWhenKafkaDoesNotAnswer(@TempDir Path dir)
            throws Exception {
        String address = "127.0.0.1:" + closedPort();
        Path config =
                Files.writeString(
                        dir.resolve("config.yml"),
                        "kafka:\n  bootstrap.servers: \"" + address + "\"\n");

        CommandOutput run = CommandOutput.run("status", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(OneLineErrorHandler.FAILURE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith(
                        "ctipipe status: no answer from Kafka at KAFKA_BOOTSTRAP_SERVERS="
                                + address);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
