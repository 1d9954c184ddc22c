package io.ctipipe.ops;

import io.ctipipe.contracts.config.ConfigFile;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.ops.internals.KafkaReachability;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} for the operations commands. Without it the file named by {@code
 * $CTIPIPE_CONFIG} is read, else {@code config/config.yml} when present ({@link ConfigFile});
 * environment variables override the file, as for the services. A named file that cannot be read is
 * a configuration error; a Kafka that does not answer within {@link KafkaReachability#TIMEOUT} is a
 * failure (exit code 1).
 */
final class ConfigOption {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "config.yml to read (default: $CTIPIPE_CONFIG, else config/config.yml)."
                            + " Environment variables override it.")
    Path file;

    /** The validated settings, once Kafka has answered at them. */
    OpsConfig load() {
        OpsConfig ops = OpsConfig.from(ConfigSource.load(ConfigFile.choose(file, System.getenv())));
        KafkaReachability.require(ops.kafka());
        return ops;
    }
}
