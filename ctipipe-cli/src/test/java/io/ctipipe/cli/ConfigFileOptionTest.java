package io.ctipipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A --config file that cannot be read is a configuration error: exit code 2 and one line. */
class ConfigFileOptionTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ingester", "mapper", "sink", "map", "status", "dlq list"})
    void aMissingConfigFileExitsTwoWithOneLineNamingIt(String command) {
        Path missing = dir.resolve("nope.yml");

        CommandOutput run = CommandOutput.run(args(command, missing));

        assertThat(run.exitCode()).isEqualTo(OneLineErrorHandler.CONFIG_ERROR);
        assertThat(run.err().lines())
                .containsExactly(
                        "ctipipe "
                                + command
                                + ": cannot read config file "
                                + missing
                                + " (--config): no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sink", "status"})
    void aDirectoryGivenAsConfigFileExitsTwoSayingSo(String command) {
        CommandOutput run = CommandOutput.run(args(command, dir));

        assertThat(run.exitCode()).isEqualTo(OneLineErrorHandler.CONFIG_ERROR);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .endsWith(dir + " (--config): it is a directory, not a file");
    }

    private static String[] args(String command, Path config) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--config");
        args.add(config.toString());
        return args.toArray(String[]::new);
    }
}
