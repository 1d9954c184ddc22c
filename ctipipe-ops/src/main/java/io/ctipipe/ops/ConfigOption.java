package io.ctipipe.ops;

import io.ctipipe.contracts.config.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} for the operations commands. Without it the file named by {@code
 * $CTIPIPE_CONFIG} is read, else {@code config/config.yml} when present; environment variables
 * override the file, as for the services.
 */
final class ConfigOption {
    private static final Path DEFAULT = Path.of("config", "config.yml");

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "config.yml to read (default: $CTIPIPE_CONFIG, else config/config.yml)."
                            + " Environment variables override it.")
    Path file;

    OpsConfig load() {
        return OpsConfig.from(ConfigSource.load(chosenFile()));
    }

    private Optional<Path> chosenFile() {
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read the config file " + file);
            }
            return Optional.of(file);
        }
        String named = System.getenv("CTIPIPE_CONFIG");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named.trim()));
        }
        return Files.isReadable(DEFAULT) ? Optional.of(DEFAULT) : Optional.empty();
    }
}
