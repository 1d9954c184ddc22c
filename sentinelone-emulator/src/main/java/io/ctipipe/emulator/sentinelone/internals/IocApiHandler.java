package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ctipipe.emulator.sentinelone.Fault;
import io.ctipipe.emulator.sentinelone.Faults;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /web/api/v2.1/threat-intelligence/iocs}. Per request: a path with a doubled slash
 * is a 401 (as the real console answered), other paths 404; then latency, authentication, the
 * injected fault if any, and the action for the method.
 */
public final class IocApiHandler implements HttpHandler {
    public static final String IOC_PATH = "/web/api/v2.1/threat-intelligence/iocs";

    private static final Logger log = LoggerFactory.getLogger(IocApiHandler.class);

    private final SentinelOneEmulatorOptions options;
    private final Faults faults;
    private final RequestStats stats;
    private final IocStore store;
    private final IdSource ids;
    private final CountDownLatch closed;

    public IocApiHandler(
            SentinelOneEmulatorOptions options,
            Faults faults,
            RequestStats stats,
            IocStore store,
            CountDownLatch closed) {
        this.options = options;
        this.faults = faults;
        this.stats = stats;
        this.store = store;
        this.ids = new IdSource(options.seed());
        this.closed = closed;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            respond(exchange);
        } catch (IOException | RuntimeException e) {
            log.debug("Emulator request failed method={}", exchange.getRequestMethod(), e);
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        stats.request(method);
        URI uri = exchange.getRequestURI();
        if (hasDoubledSlash(uri)) {
            send(exchange, ApiResponse.of(401, ErrorBodies.authenticationFailed()));
            return;
        }
        if (!IOC_PATH.equals(uri.getPath())) {
            send(exchange, ApiResponse.of(404, ErrorBodies.envelope(4040010, "Not Found", null)));
            return;
        }
        pause(faults.latency());
        if (!Authorization.accepts(exchange, options.apiToken()) || faults.authOutageActive()) {
            send(exchange, ApiResponse.of(401, ErrorBodies.authenticationFailed()));
            return;
        }
        Optional<Fault> fault = faults.next(method);
        if (fault.isPresent() && injected(exchange, fault.get())) {
            return;
        }
        ApiResponse response = process(exchange, method);
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.LOST_RESPONSE) {
            stats.answered(RequestStats.NO_ANSWER);
            return;
        }
        send(exchange, response);
    }

    static boolean hasDoubledSlash(URI uri) {
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getRawAuthority() != null || raw.contains("//");
    }

    /** Applies a fault; true when the request is finished by it. */
    private boolean injected(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault.kind()) {
            case STATUS -> send(exchange, statusFault(fault));
            case HANG -> {
                pause(options.maxHang());
                stats.answered(RequestStats.NO_ANSWER);
            }
            case RESET -> stats.answered(RequestStats.NO_ANSWER);
            case SLOW -> pause(fault.duration());
            default -> {
                return false;
            }
        }
        return fault.kind() != Fault.Kind.SLOW;
    }

    private static ApiResponse statusFault(Fault fault) {
        Long retryAfter = fault.duration() == null ? null : fault.duration().toSeconds();
        return new ApiResponse(fault.status(), ErrorBodies.forStatus(fault.status()), retryAfter);
    }

    private ApiResponse process(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> {
                String query = exchange.getRequestURI().getRawQuery();
                return new ListAction(store).handle(QueryString.parse(query));
            }
            case "POST", "DELETE" -> {
                JsonNode body = readBody(exchange);
                if (body == null) {
                    return ApiResponse.of(400, ErrorBodies.validation("Invalid JSON body."));
                }
                return method.equals("POST")
                        ? new CreateAction(store, options, ids).handle(body)
                        : new DeleteAction(store).handle(body);
            }
            default -> {
                return ApiResponse.of(405, ErrorBodies.envelope(4050010, "Not Allowed", null));
            }
        }
    }

    private static JsonNode readBody(HttpExchange exchange) {
        try {
            JsonNode body = Exchanges.readJson(exchange);
            return body.isObject() ? body : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void send(HttpExchange exchange, ApiResponse response) throws IOException {
        stats.answered(response.status());
        Exchanges.send(exchange, response);
    }

    private void pause(Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
