package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option every service and operations command shares. Without it, {@code
 * $CTIPIPE_CONFIG} is used, then {@code config/config.yml} when it exists; environment variables
 * override the file either way.
 */
final class ConfigFileOption {
    static final Path DEFAULT_FILE = Path.of("config", "config.yml");

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "config.yml to read (default $CTIPIPE_CONFIG, then config/config.yml)."
                            + " Environment variables override it.")
    Path file;

    ConfigSource load() {
        return ConfigSource.load(resolve());
    }

    Optional<Path> resolve() {
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("config file not readable: " + file);
            }
            return Optional.of(file);
        }
        String fromEnv = System.getenv("CTIPIPE_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        return Files.isReadable(DEFAULT_FILE) ? Optional.of(DEFAULT_FILE) : Optional.empty();
    }
}
