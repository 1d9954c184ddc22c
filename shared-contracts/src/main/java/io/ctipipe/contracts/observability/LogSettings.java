package io.ctipipe.contracts.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code CONNECTOR_LOG_LEVEL} and {@code LOG_FORMAT} (plain or json) to logback. Kafka's
 * own clients stay at WARN unless the level is trace, since their INFO output is a page per client.
 */
public final class LogSettings {
    static final String FORMAT_PROPERTY = "LOG_FORMAT";

    private LogSettings() {}

    /** Accepts trace, debug, info, warn, warning, error (any case). */
    public static Level parseLevel(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error" -> Level.ERROR;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** Sets the format (reloading logback when it changes), then the level. */
    public static void apply(String level, String format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        String wanted = LogFormatDefiner.normalize(format);
        if (!wanted.equals(context.getProperty("CTIPIPE_LOG_FORMAT"))) {
            reload(context, wanted);
        }
        applyLevel(context, parseLevel(level));
    }

    private static void reload(LoggerContext context, String format) {
        System.setProperty(FORMAT_PROPERTY, format);
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging", e);
        }
    }

    private static void applyLevel(LoggerContext context, Level level) {
        context.getLogger("io.ctipipe").setLevel(level);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
        if (level == Level.TRACE) {
            context.getLogger("org.apache.kafka").setLevel(Level.DEBUG);
        }
    }
}
