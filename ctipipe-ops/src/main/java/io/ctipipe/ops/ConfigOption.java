package io.ctipipe.ops;

import io.ctipipe.contracts.config.ConfigFile;
import io.ctipipe.contracts.config.ConfigSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} for the operations commands. Without it the file named by {@code
 * $CTIPIPE_CONFIG} is read, else {@code config/config.yml} when present ({@link ConfigFile});
 * environment variables override the file, as for the services. A named file that cannot be read is
 * a configuration error.
 */
final class ConfigOption {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "config.yml to read (default: $CTIPIPE_CONFIG, else config/config.yml)."
                            + " Environment variables override it.")
    Path file;

    OpsConfig load() {
        return OpsConfig.from(ConfigSource.load(ConfigFile.choose(file, System.getenv())));
    }
}
