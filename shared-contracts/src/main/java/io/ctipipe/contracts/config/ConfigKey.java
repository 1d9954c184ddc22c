package io.ctipipe.contracts.config;

import java.util.Locale;

/**
 * One setting: its config.yml path ({@code section.key}), the environment variable that overrides
 * it, its default (null when it has none) and what it means. The environment name is the path
 * upper-cased with {@code .} as {@code _}, so {@code connector.live_stream_id} is {@code
 * CONNECTOR_LIVE_STREAM_ID}.
 */
public record ConfigKey(String path, String defaultValue, boolean secret, String description) {

    public static ConfigKey of(String path, String defaultValue, String description) {
        return new ConfigKey(path, defaultValue, false, description);
    }

    public static ConfigKey required(String path, String description) {
        return new ConfigKey(path, null, false, description);
    }

    public static ConfigKey secret(String path, String description) {
        return new ConfigKey(path, null, true, description);
    }

    public String env() {
        return envName(path);
    }

    static String envName(String path) {
        return path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** How error messages name the key: the variable first, since most users deploy with env. */
    public String displayName() {
        return env() + " (config.yml " + path + ")";
    }
}
