package io.ctipipe.contracts.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Types and validates settings from a {@link ConfigSource}. Each accessor returns a usable value (a
 * placeholder when the setting is bad) and remembers the problem, so that {@link #throwIfInvalid()}
 * reports every problem at once. Lenient where users trip: URLs with or without a trailing slash,
 * booleans as true/false/1/0/yes/no, numbers given as strings. A typed value (number, boolean,
 * duration, URL, UUID, word) may sit in one pair of quotes, as {@code docker run --env-file} passes
 * {@code "5"} on literally; free strings and secrets are taken as given. A value still starting
 * with the samples' {@value #SAMPLE_PLACEHOLDER} placeholder is reported as such, never used. A URL
 * holding a user name or password is refused without being quoted back.
 */
public final class ConfigReader {
    /** What config/config.yml.sample and config/.env.sample put where the user must fill in. */
    public static final String SAMPLE_PLACEHOLDER = "ChangeMe";

    private static final Pattern UUID_FORM =
            Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();
    private final Set<ConfigKey> keysWithProblems = new HashSet<>();

    public ConfigReader(ConfigSource source) {
        this.source = source;
    }

    public ConfigSource source() {
        return source;
    }

    /** A required or defaulted string, trimmed; quotes are kept as part of it. */
    public String string(ConfigKey key) {
        return read(key, "a non-empty value", String::trim, text -> text, "");
    }

    public Optional<String> optionalString(ConfigKey key) {
        Optional<String> value = raw(key).map(String::trim).filter(text -> !text.isEmpty());
        if (value.filter(ConfigReader::isPlaceholder).isPresent()) {
            report(key, placeholderProblem(key, "a value or nothing"));
            return Optional.empty();
        }
        return value;
    }

    /** A UUID in its canonical 8-4-4-4-12 hex form, returned as given. */
    public String uuid(ConfigKey key) {
        return typed(
                key,
                "a UUID such as 5f0a3a0e-2a59-4d0e-9d6c-7e0c8c7c1a11",
                ConfigReader::parseUuid,
                "");
    }

    /** A secret, trimmed; quotes are kept, since a secret may well start or end with one. */
    public Secret secret(ConfigKey key) {
        return Secret.of(read(key, "a non-empty secret", String::trim, text -> text, ""));
    }

    /**
     * An http(s) URL, returned without its trailing slashes. One holding a user name or password is
     * refused: the URL is logged, the credentials belong in the token or API key setting.
     */
    public URI url(ConfigKey key) {
        String credentials =
                ConfigKeys.credentialsOf(key).map(ConfigKey::env).orElse("the token setting");
        return typed(
                key,
                "an http:// or https:// URL such as https://host.example.com",
                text -> parseUrl(text, credentials),
                URI.create("http://invalid"));
    }

    public boolean bool(ConfigKey key) {
        return typed(key, "one of true, false, yes, no, 1, 0", ConfigReader::parseBool, false);
    }

    public int positiveInt(ConfigKey key) {
        return typed(key, "a whole number of 1 or more", text -> parseInt(text, 1), 1);
    }

    public int nonNegativeInt(ConfigKey key) {
        return typed(key, "a whole number of 0 or more", text -> parseInt(text, 0), 0);
    }

    public int port(ConfigKey key) {
        return typed(key, "a TCP port from 0 to 65535", ConfigReader::parsePort, 0);
    }

    /** A duration as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, ISO-8601, or ms. */
    public Duration duration(ConfigKey key) {
        return typed(
                key,
                "a duration such as 500ms, 30s, 5m or PT30S",
                ConfigReader::parseDuration,
                Duration.ZERO);
    }

    /** One of the given words, case-insensitive, returned lower-case. */
    public String oneOf(ConfigKey key, String... allowed) {
        List<String> words = Arrays.asList(allowed);
        return typed(
                key,
                "one of " + String.join(", ", words),
                text -> {
                    String word = text.toLowerCase(Locale.ROOT);
                    if (!words.contains(word)) {
                        throw new IllegalArgumentException(word);
                    }
                    return word;
                },
                allowed[0]);
    }

    /** A comma-separated list; empty when absent. */
    public List<String> list(ConfigKey key) {
        return raw(key).map(ConfigReader::splitList).orElse(List.of());
    }

    /** Records a problem found by the caller, e.g. a rule between two keys. */
    public void problem(String message) {
        problems.add(message);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * Whether this reader already reported a problem for the key (missing, placeholder, bad value),
     * so that a caller's own rule about the key does not report it a second time. Problems given to
     * {@link #problem(String)} are not counted: they name no key.
     */
    public boolean hasProblem(ConfigKey key) {
        return keysWithProblems.contains(key);
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private Optional<String> raw(ConfigKey key) {
        Optional<ConfigSource.Value> value = source.get(key);
        if (value.isPresent()) {
            return value.map(ConfigSource.Value::text);
        }
        return Optional.ofNullable(key.defaultValue());
    }

    private <T> T typed(ConfigKey key, String expected, Function<String, T> parse, T fallback) {
        return read(key, expected, ConfigReader::unquoted, parse, fallback);
    }

    /**
     * Reads one key: missing, placeholder and unparseable values become a problem and the fallback.
     * {@code clean} prepares the text before any check, so a quoted placeholder is still one.
     */
    private <T> T read(
            ConfigKey key,
            String expected,
            UnaryOperator<String> clean,
            Function<String, T> parse,
            T fallback) {
        Optional<ConfigSource.Value> given = source.get(key);
        String raw = given.map(ConfigSource.Value::text).orElse(key.defaultValue());
        String text = raw == null ? "" : clean.apply(raw);
        if (text.isEmpty()) {
            report(key, key.displayName() + ": missing, expected " + expected);
            return fallback;
        }
        if (isPlaceholder(text)) {
            report(key, placeholderProblem(key, expected));
            return fallback;
        }
        try {
            return parse.apply(text);
        } catch (SensitiveValueException e) {
            report(key, key.displayName() + ": " + e.getMessage());
            return fallback;
        } catch (RuntimeException e) {
            report(key, badValueProblem(key, expected, raw, given));
            return fallback;
        }
    }

    private void report(ConfigKey key, String problem) {
        problems.add(problem);
        keysWithProblems.add(key);
    }

    private static String badValueProblem(
            ConfigKey key, String expected, String raw, Optional<ConfigSource.Value> given) {
        String shown = key.secret() ? "[hidden]" : "'" + raw + "'";
        String origin = given.map(ConfigSource.Value::origin).orElse("default");
        return key.displayName()
                + ": expected "
                + expected
                + ", got "
                + shown
                + " (from "
                + origin
                + ")";
    }

    /**
     * The text trimmed and without one pair of matching surrounding quotes: {@code docker run
     * --env-file} keeps the quotes of {@code KEY="5"}, which the original connector's users write.
     */
    static String unquoted(String raw) {
        String text = raw.trim();
        boolean quoted =
                text.length() >= 2
                        && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                        && text.charAt(text.length() - 1) == text.charAt(0);
        return quoted ? text.substring(1, text.length() - 1).trim() : text;
    }

    private static boolean isPlaceholder(String text) {
        return text.trim().startsWith(SAMPLE_PLACEHOLDER);
    }

    private static String placeholderProblem(ConfigKey key, String expected) {
        return key.displayName()
                + ": still the sample placeholder ("
                + SAMPLE_PLACEHOLDER
                + "...), expected "
                + expected;
    }

    static String parseUuid(String text) {
        if (!UUID_FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return text;
    }

    /**
     * Parses an http(s) URL. Any {@code @} is taken for user info and refused without quoting the
     * text: it may hold a password, and a URL too broken to parse may still hold one. A base URL
     * has no other use for an {@code @}.
     */
    static URI parseUrl(String text, String credentialsSetting) {
        if (text.indexOf('@') >= 0) {
            throw new SensitiveValueException(
                    "holds a user name or password; put credentials in "
                            + credentialsSetting
                            + ", not in the URL");
        }
        String trimmed = text.replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            if (!http || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static boolean parseBool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    static int parseInt(String text, int minimum) {
        int value = Integer.parseInt(text.replace("_", ""));
        if (value < minimum) {
            throw new IllegalArgumentException("below " + minimum);
        }
        return value;
    }

    static int parsePort(String text) {
        int port = Integer.parseInt(text);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("out of range");
        }
        return port;
    }

    static Duration parseDuration(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
        Duration duration = parseUnit(lower);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative");
        }
        return duration;
    }

    private static Duration parseUnit(String lower) {
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
        }
        long amount = lower.matches("\\d+") ? Long.parseLong(lower) : -1;
        if (amount >= 0) {
            return Duration.ofMillis(amount);
        }
        long number = Long.parseLong(lower.substring(0, lower.length() - 1));
        return switch (lower.charAt(lower.length() - 1)) {
            case 's' -> Duration.ofSeconds(number);
            case 'm' -> Duration.ofMinutes(number);
            case 'h' -> Duration.ofHours(number);
            case 'd' -> Duration.ofDays(number);
            default -> throw new IllegalArgumentException(lower);
        };
    }

    static List<String> splitList(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /**
     * A refused value whose problem must not quote it, since it may hold a secret; the message says
     * what is wrong and what to do instead.
     */
    private static final class SensitiveValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SensitiveValueException(String message) {
            super(message);
        }
    }
}
