package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /_emulator/iocs}: every stored IOC, {@code {"data":[...],"totalItems":N}}, and {@code
 * GET /_emulator/stats}: request counts. No authentication, never faulted; for tests and the
 * quickstart.
 */
public final class InspectionHandler implements HttpHandler {
    public static final String PATH = "/_emulator";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IocStore store;
    private final RequestStats stats;

    public InspectionHandler(IocStore store, RequestStats stats) {
        this.store = store;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PATH + "/iocs")) {
                Exchanges.send(exchange, ApiResponse.of(200, iocs()));
            } else if (path.equals(PATH + "/stats")) {
                Exchanges.send(exchange, ApiResponse.of(200, stats()));
            } else {
                Exchanges.send(exchange, ApiResponse.of(404, JSON.createObjectNode()));
            }
        }
    }

    private ObjectNode iocs() {
        List<ObjectNode> all = store.matching(ioc -> true);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("data").addAll(all);
        body.put("totalItems", all.size());
        return body;
    }

    private ObjectNode stats() {
        ObjectNode body = JSON.createObjectNode();
        body.put("requests", stats.requests());
        ObjectNode byStatus = body.putObject("byStatus");
        stats.byStatus().forEach((status, count) -> byStatus.put(status.toString(), count));
        body.put("storedIocs", store.size());
        return body;
    }
}
