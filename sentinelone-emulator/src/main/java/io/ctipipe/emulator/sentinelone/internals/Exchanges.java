package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reading and answering JDK HttpServer exchanges with JSON. */
final class Exchanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {}

    /** The request body as JSON; a MissingNode when empty, IOException when unreadable. */
    static JsonNode readJson(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readAllBytes();
            if (bytes.length == 0) {
                return JSON.missingNode();
            }
            return JSON.readTree(bytes);
        }
    }

    static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (response.retryAfterSeconds() != null) {
            exchange.getResponseHeaders()
                    .set("Retry-After", Long.toString(response.retryAfterSeconds()));
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
