package io.ctipipe.cli.emulate;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.contracts.config.ConfigSource;
import java.time.Duration;
import java.util.Map;

/** Durations on the command line in the same forms as in config: 500ms, 30s, 5m, PT1M. */
final class DurationText {
    private static final ConfigKey OPTION = ConfigKey.required("option.duration", "");

    private DurationText() {}

    static Duration parse(String text) {
        ConfigReader reader =
                new ConfigReader(ConfigSource.of(Map.of(OPTION.path(), text), Map.of()));
        Duration duration = reader.duration(OPTION);
        if (!reader.isValid()) {
            throw new IllegalArgumentException(
                    "expected a duration such as 500ms, 30s or 5m, got '" + text + "'");
        }
        return duration;
    }
}
