package io.ctipipe.emulator.sentinelone.internals;

import com.sun.net.httpserver.HttpExchange;

/** The console's token check: {@code Authorization: ApiToken <token>}, scheme in any case. */
final class Authorization {
    private static final String SCHEME = "ApiToken";

    private Authorization() {}

    static boolean accepts(HttpExchange exchange, String token) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && accepts(header, token);
    }

    static boolean accepts(String header, String token) {
        String[] parts = header.trim().split("\\s+", 2);
        return parts.length == 2
                && parts[0].equalsIgnoreCase(SCHEME)
                && parts[1].trim().equals(token);
    }
}
