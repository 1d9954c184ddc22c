package io.ctipipe.contracts.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which config.yml a command reads: the file given with {@code --config}, else the one {@code
 * $CTIPIPE_CONFIG} names, else {@code config/config.yml} when it exists, else none (environment
 * variables only). A file that is named or present but cannot be read is a configuration error,
 * thrown as a one-line {@link ConfigException} naming the file and why, never a silent fallback to
 * the defaults.
 */
public final class ConfigFile {
    /** The environment variable naming the file when {@code --config} is not given. */
    public static final String VARIABLE = "CTIPIPE_CONFIG";

    /** Read when present and nothing else names a file. */
    public static final Path DEFAULT = Path.of("config", "config.yml");

    private ConfigFile() {}

    /**
     * The file to read, checked readable; empty when none is named and the default is absent.
     *
     * @param given the {@code --config} value, or null
     * @param env the process environment (for {@link #VARIABLE})
     */
    public static Optional<Path> choose(Path given, Map<String, String> env) {
        if (given != null) {
            return Optional.of(requireReadable(given, "--config"));
        }
        String named = env.get(VARIABLE);
        if (named != null && !named.isBlank()) {
            return Optional.of(requireReadable(Path.of(named.trim()), VARIABLE));
        }
        if (Files.exists(DEFAULT)) {
            return Optional.of(requireReadable(DEFAULT, "the default"));
        }
        return Optional.empty();
    }

    /** The file itself, or a one-line ConfigException saying why it cannot be read. */
    static Path requireReadable(Path file, String namedBy) {
        String why = null;
        if (!Files.exists(file)) {
            why = "no such file";
        } else if (Files.isDirectory(file)) {
            why = "it is a directory, not a file";
        } else if (!Files.isReadable(file)) {
            why = "permission denied";
        }
        if (why != null) {
            throw unreadable(file + " (" + namedBy + ")", why);
        }
        return file;
    }

    /** The error for a file whose reading failed after the checks (a race, an I/O error). */
    static ConfigException unreadable(Path file, IOException e) {
        return unreadable(file.toString(), reason(e));
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static ConfigException unreadable(String file, String why) {
        return new ConfigException("cannot read config file " + file + ": " + why);
    }
}
