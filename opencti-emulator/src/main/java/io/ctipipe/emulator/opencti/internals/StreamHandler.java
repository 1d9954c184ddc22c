package io.ctipipe.emulator.opencti.internals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /stream} routes: the raw stream, {@code live}, the configured collection, and the
 * legacy connection-control POST. Access rules and errors follow the platform: 401 for a bad token
 * and for an unknown stream id (there is no 404), 410 for a stopped stream, 500 for recover without
 * a start.
 */
public final class StreamHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);

    private final SessionContext context;
    private final String streamId;
    private final String token;
    private final AtomicInteger openSessions = new AtomicInteger();

    public StreamHandler(SessionContext context, String streamId, String token) {
        this.context = context;
        this.streamId = streamId;
        this.token = token;
    }

    public int openSessions() {
        return openSessions.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        if (path.startsWith("/stream/connection/")) {
            HttpReplies.json(exchange, 200, "{\"message\":\"ok\"}");
            return;
        }
        int status = refusal(exchange, path);
        if (status != 0) {
            log.debug("Refusing stream request path={} status={}", path, status);
            HttpReplies.rejected(exchange, status);
            return;
        }
        serve(exchange, path.equals("/stream"));
    }

    private int refusal(HttpExchange exchange, String path) {
        int faulted = context.faults().rejectionStatus();
        if (faulted != 0) {
            return faulted;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            return 405;
        }
        if (!HttpReplies.authorized(exchange, token)) {
            return 401;
        }
        String requested = path.equals("/stream") ? streamId : path.replace("/stream/", "");
        if (!requested.equals(streamId) && !requested.equals("live")) {
            return 401;
        }
        return context.stopped().getAsBoolean() ? 410 : 0;
    }

    private void serve(HttpExchange exchange, boolean raw) throws IOException {
        StreamRequest request =
                StreamRequest.parse(
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
        if (request.recover().isPresent() && !request.startGiven()) {
            HttpReplies.empty(exchange, 500);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-transform");
        exchange.getResponseHeaders().set("Connection", "keep-alive");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(200, 0);
        SseWriter writer = new SseWriter(exchange.getResponseBody());
        run(new StreamSession(context, request, raw, writer), exchange);
    }

    private void run(StreamSession session, HttpExchange exchange) throws IOException {
        openSessions.incrementAndGet();
        try {
            session.run();
            exchange.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionAbort("interrupted");
        } catch (IOException e) {
            log.debug("Stream client went away reason={}", e.toString());
            throw e;
        } finally {
            openSessions.decrementAndGet();
        }
    }
}
