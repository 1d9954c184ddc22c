package io.ctipipe.emulator.opencti.internals;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Non-streaming answers. The platform puts its explanation in a custom reason phrase with an empty
 * body; the JDK server always writes the standard phrase, so clients see only the status code here
 * (which is all a client can rely on anyway: HTTP/2 has no reason phrase).
 */
final class HttpReplies {
    static final String TOO_MANY = "{\"message\":\"Too many requests, please try again later.\"}";

    private HttpReplies() {}

    static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The status a fault asks for: 429 with the platform's JSON body, others empty. */
    static void rejected(HttpExchange exchange, int status) throws IOException {
        if (status == 429) {
            json(exchange, status, TOO_MANY);
        } else {
            empty(exchange, status);
        }
    }

    static boolean authorized(HttpExchange exchange, String token) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return header.substring(7).trim().equals(token);
    }
}
