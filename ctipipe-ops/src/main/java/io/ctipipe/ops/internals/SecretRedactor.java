package io.ctipipe.ops.internals;

import java.util.regex.Pattern;

/**
 * Hides credentials in text shown to an operator: the value after {@code Authorization}, {@code
 * ApiToken}, {@code Bearer}, {@code token}, {@code api_key}, {@code password} or {@code secret}
 * (with or without a colon or equals sign, quoted or not) becomes {@code [hidden]}. The sink
 * already redacts what it writes; this is the second line of defence.
 */
public final class SecretRedactor {
    private static final Pattern CREDENTIAL =
            Pattern.compile(
                    "(?i)((?:authorization|api[-_]?token|bearer|api[-_]?key|access[-_]?token"
                            + "|token|password|secret)\"?\\s*[:=]?\\s*\"?"
                            + "(?:(?:bearer|apitoken|basic)\\s+)?)"
                            + "(?!\\[hidden\\])[A-Za-z0-9._~+/=-]{6,}");

    private SecretRedactor() {}

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return CREDENTIAL.matcher(text).replaceAll("$1[hidden]");
    }
}
