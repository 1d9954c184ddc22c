package io.ctipipe.contracts.observability;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * Gives logback.xml the log format to include: {@code json} when {@code LOG_FORMAT} (system
 * property first, then environment) is json in any case, else {@code plain}. Logback's own variable
 * substitution would look for a file named after the value as typed, so {@code JSON} would find no
 * configuration at all.
 */
public class LogFormatDefiner extends PropertyDefinerBase {
    static final String JSON = "json";
    static final String PLAIN = "plain";

    @Override
    public String getPropertyValue() {
        String given = System.getProperty(LogSettings.FORMAT_PROPERTY);
        if (given == null) {
            given = System.getenv(LogSettings.FORMAT_PROPERTY);
        }
        return normalize(given);
    }

    static String normalize(String given) {
        boolean json = given != null && JSON.equals(given.trim().toLowerCase(Locale.ROOT));
        return json ? JSON : PLAIN;
    }
}
