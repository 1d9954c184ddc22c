package io.ctipipe.sink.internals;

import io.ctipipe.contracts.config.Secret;
import java.util.regex.Pattern;

/**
 * Makes a response body safe for a dead-letter header or a log line: the API token and anything
 * shaped like a token or an Authorization value become {@code [hidden]}, and the text is cut to
 * {@link #MAX_SNIPPET} characters.
 */
public final class Redactor {
    public static final int MAX_SNIPPET = 500;

    private static final Pattern TOKEN_LIKE =
            Pattern.compile(
                    "(?i)((?:api-?token|bearer|authorization|token|api_key|apikey)"
                            + "[\"']?\\s*[:=]?\\s*[\"']?)[A-Za-z0-9._~+/=-]{8,}");

    private final String secret;

    public Redactor(Secret apiKey) {
        this.secret = apiKey.reveal();
    }

    public String snippet(String body) {
        if (body == null) {
            return "";
        }
        String redacted = body;
        if (!secret.isEmpty()) {
            redacted = redacted.replace(secret, "[hidden]");
        }
        redacted = TOKEN_LIKE.matcher(redacted).replaceAll("$1[hidden]");
        return redacted.length() <= MAX_SNIPPET ? redacted : redacted.substring(0, MAX_SNIPPET);
    }
}
