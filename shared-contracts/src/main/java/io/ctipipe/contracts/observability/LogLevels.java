package io.ctipipe.contracts.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code CONNECTOR_LOG_LEVEL} to the project's loggers. Kafka's own clients stay at WARN
 * unless the level is trace, since their INFO output is a page per client.
 */
public final class LogLevels {
    private LogLevels() {}

    /** Accepts trace, debug, info, warn, warning, error (any case). */
    public static Level parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error" -> Level.ERROR;
            default -> throw new IllegalArgumentException(text);
        };
    }

    public static void apply(String text) {
        Level level = parse(text);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger("io.ctipipe").setLevel(level);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
        if (level == Level.TRACE) {
            context.getLogger("org.apache.kafka").setLevel(Level.DEBUG);
        }
    }
}
