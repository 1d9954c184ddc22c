package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigFile;
import io.ctipipe.contracts.config.ConfigSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option every service command shares. Without it, {@code
 * $CTIPIPE_CONFIG} is used, then {@code config/config.yml} when it exists ({@link ConfigFile});
 * environment variables override the file either way. A named file that cannot be read is a
 * configuration error (exit code 2).
 */
final class ConfigFileOption {
    static final String NAME = "--config";

    @Option(
            names = NAME,
            paramLabel = "FILE",
            description =
                    "config.yml to read (default $CTIPIPE_CONFIG, then config/config.yml)."
                            + " Environment variables override it.")
    Path file;

    ConfigSource load() {
        return ConfigSource.load(ConfigFile.choose(file, System.getenv()));
    }
}
