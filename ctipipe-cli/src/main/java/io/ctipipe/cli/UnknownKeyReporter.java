package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigException;
import io.ctipipe.contracts.config.ConfigFile;
import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigSource;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Before a command that takes {@code --config} runs, warns once per config.yml key that the tool
 * does not read, since a typo such as {@code sentinelone.batchsize} would otherwise do nothing at
 * all. It suggests the closest known key when one is a few edits away. Keys under {@code kafka.}
 * are Kafka client properties and never unknown. It warns and never fails, so that a file written
 * for a newer version still works, and it names keys only, never values (they can be secrets). The
 * warnings come before the command applies the configured log level and format, so that they also
 * precede the error a mistyped required key leads to.
 */
final class UnknownKeyReporter implements IExecutionStrategy {
    private static final Logger log = LoggerFactory.getLogger(UnknownKeyReporter.class);

    /** The most edits between an unknown key and a known one for "did you mean". */
    static final int MAX_DISTANCE = 3;

    private final Set<String> knownPaths = new TreeSet<>();
    private final IExecutionStrategy next;

    UnknownKeyReporter(Collection<ConfigKey> known, IExecutionStrategy next) {
        known.forEach(key -> knownPaths.add(key.path()));
        this.next = next;
    }

    /** A key the tool does not read, and the known key it is probably a typo of. */
    record UnknownKey(String key, Optional<String> closest) {}

    @Override
    public int execute(ParseResult parsed) {
        checkConfigFile(leaf(parsed));
        return next.execute(parsed);
    }

    /** The keys of a config.yml that the tool does not read, in the order given. */
    List<UnknownKey> unknown(Collection<String> fileKeys) {
        return fileKeys.stream()
                .filter(key -> !key.startsWith(ConfigSource.KAFKA_PREFIX))
                .filter(key -> !knownPaths.contains(key))
                .map(key -> new UnknownKey(key, closest(key)))
                .toList();
    }

    private void checkConfigFile(ParseResult command) {
        OptionSpec option = command.commandSpec().findOption(ConfigFileOption.NAME);
        if (option == null || command.isUsageHelpRequested() || command.isVersionHelpRequested()) {
            return;
        }
        try {
            Optional<Path> file = ConfigFile.choose(option.getValue(), System.getenv());
            file.ifPresent(path -> warn(path, ConfigSource.readYaml(path).keySet()));
        } catch (ConfigException e) {
            // The command reads the file again and reports this as its own error.
        }
    }

    private void warn(Path file, Collection<String> keys) {
        for (UnknownKey unknown : unknown(keys)) {
            String hint = unknown.closest().map(k -> " (did you mean " + k + "?)").orElse("");
            log.warn("Unknown config.yml key ignored key={} file={}{}", unknown.key(), file, hint);
        }
    }

    private Optional<String> closest(String key) {
        String typed = key.toLowerCase(Locale.ROOT);
        return knownPaths.stream()
                .filter(known -> distance(typed, known) <= MAX_DISTANCE)
                .min(Comparator.comparingInt(known -> distance(typed, known)));
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                previous[j - 1] + substitution,
                                Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static ParseResult leaf(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        return command;
    }
}
