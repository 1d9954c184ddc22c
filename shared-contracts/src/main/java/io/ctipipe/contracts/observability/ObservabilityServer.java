package io.ctipipe.contracts.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} (Prometheus text) and {@code /health} (200 when up, 503 when down, a
 * small JSON body either way) on one port. Port 0 picks a free one.
 */
public final class ObservabilityServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ObservabilityServer.class);

    private final HttpServer server;

    private ObservabilityServer(HttpServer server) {
        this.server = server;
    }

    public static ObservabilityServer start(
            String service,
            String host,
            int port,
            PrometheusMeterRegistry registry,
            Supplier<Health> health)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", exchange -> respond(exchange, 200, registry.scrape()));
        server.createContext("/health", exchange -> respondHealth(exchange, health.get()));
        server.start();
        log.info(
                "Serving metrics and health service={} address={}:{}",
                service,
                host,
                server.getAddress().getPort());
        return new ObservabilityServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respondHealth(HttpExchange exchange, Health health) throws IOException {
        String body =
                "{\"status\":\""
                        + (health.up() ? "UP" : "DOWN")
                        + "\",\"detail\":\""
                        + jsonEscape(health.detail())
                        + "\"}";
        respond(exchange, health.up() ? 200 : 503, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
