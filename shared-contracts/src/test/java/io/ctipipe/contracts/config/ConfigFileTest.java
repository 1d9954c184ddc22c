package io.ctipipe.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir Path dir;

    @Test
    void aGivenFileThatDoesNotExistIsAOneLineConfigError() {
        Path missing = dir.resolve("nope.yml");

        assertThatThrownBy(() -> ConfigFile.choose(missing, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot read config file " + missing + " (--config): no such file");
    }

    @Test
    void aDirectoryIsAConfigErrorNamingIt() {
        assertThatThrownBy(() -> ConfigFile.choose(dir, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "cannot read config file "
                                + dir
                                + " (--config): it is a directory, not a file");
    }

    @Test
    void aFileWithoutReadPermissionIsAConfigError() throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.yml"), "a: b\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(locked), "root reads any file");

        assertThatThrownBy(() -> ConfigFile.choose(locked, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("(--config): permission denied");
    }

    @Test
    void aReadFailureAfterTheChecksSaysWhyInOneLine() {
        ConfigException denied =
                ConfigFile.unreadable(Path.of("c.yml"), new AccessDeniedException("c.yml"));

        assertThat(denied).hasMessage("cannot read config file c.yml: permission denied");
        assertThat(denied.problems()).containsExactly(denied.getMessage());
    }

    @Test
    void theVariableNamesTheFileWhenNoOptionIsGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("from-env.yml"), "a: b\n");
        Map<String, String> env = Map.of(ConfigFile.VARIABLE, " " + file + " ");

        assertThat(ConfigFile.choose(null, env)).contains(file);
        assertThatThrownBy(
                        () -> ConfigFile.choose(null, Map.of(ConfigFile.VARIABLE, dir + "/x.yml")))
                .hasMessageContaining("(CTIPIPE_CONFIG): no such file");
    }

    @Test
    void theOptionWinsOverTheVariable() throws Exception {
        Path given = Files.writeString(dir.resolve("given.yml"), "a: b\n");

        assertThat(ConfigFile.choose(given, Map.of(ConfigFile.VARIABLE, "/nowhere.yml")))
                .contains(given);
    }
}
