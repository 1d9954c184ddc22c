package io.ctipipe.emulator.opencti;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.ctipipe.emulator.opencti.internals.ConnectorRegistry;
import io.ctipipe.emulator.opencti.internals.EventLog;
import io.ctipipe.emulator.opencti.internals.FaultState;
import io.ctipipe.emulator.opencti.internals.LogEntry;
import io.ctipipe.emulator.opencti.internals.StreamHandler;
import io.ctipipe.emulator.opencti.internals.StreamHandlers;
import io.ctipipe.emulator.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server that behaves like an OpenCTI platform's live stream and the bit of GraphQL a
 * stream connector uses. It serves {@code GET /stream/{id}}, {@code /stream/live} and {@code
 * /stream}, and {@code POST /graphql}; see {@code shared/reference/opencti-stream.md} for the
 * protocol it follows. Messages come from {@link #append}, usually traffic made by {@link
 * TrafficGenerator}; faults are switched through {@link #faults()}.
 *
 * <p>Not emulated: filtered collections (FilterGroup evaluation and the create/delete rewriting of
 * updates that change visibility), marking and member restrictions, gzip for clients that ask for
 * it, OpenCTI's custom reason phrases (the JDK server writes the standard ones), a clock skew
 * between heartbeat and entry ids, and legacy event versions. A client tested only here is not
 * tested against those.
 */
public final class OpenCtiEmulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenCtiEmulator.class);
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final OpenCtiEmulatorOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final EventLog eventLog;
    private final FaultState faults;
    private final ConnectorRegistry connectors;
    private final StreamHandler streams;
    private final AtomicBoolean stopped;

    private OpenCtiEmulator(OpenCtiEmulatorOptions options, StreamHandlers handlers) {
        this.options = options;
        this.server = handlers.server();
        this.executor = handlers.executor();
        this.eventLog = handlers.eventLog();
        this.faults = handlers.faults();
        this.connectors = handlers.connectors();
        this.streams = handlers.streams();
        this.stopped = handlers.stopped();
    }

    /** Starts the server; the initial events are in the stream before it accepts connections. */
    public static OpenCtiEmulator start(OpenCtiEmulatorOptions options) {
        return start(options, newServer(options));
    }

    /**
     * Starts the server over HTTPS: {@code tls} holds the server certificate (its key managers) and
     * clients must trust its issuer ({@link SelfSignedCertificate} offers one for 127.0.0.1).
     * {@link #baseUrl()} then starts with {@code https://}.
     */
    public static OpenCtiEmulator startHttps(OpenCtiEmulatorOptions options, SSLContext tls) {
        return start(options, newHttpsServer(options, tls));
    }

    private static OpenCtiEmulator start(OpenCtiEmulatorOptions options, HttpServer server) {
        StreamHandlers handlers = StreamHandlers.create(options, server, executor());
        OpenCtiEmulator emulator = new OpenCtiEmulator(options, handlers);
        emulator.append(options.initialEvents());
        handlers.server().start();
        log.info(
                "OpenCTI emulator listening url={} streamId={} events={}",
                emulator.baseUrl(),
                options.streamId(),
                options.initialEvents().size());
        return emulator;
    }

    public String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://" + options.host() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String streamId() {
        return options.streamId();
    }

    public String token() {
        return options.token();
    }

    public Faults faults() {
        return faults;
    }

    /**
     * Appends one message (event name and data, usually JSON) and returns its stream id. Data that
     * is not JSON is served as it is, for tests of what a client does with it; it must hold no line
     * break, which would end the SSE message early.
     */
    public String append(String event, String data) {
        return eventLog.append(event, data).toString();
    }

    /** Appends messages in order, ignoring any ids they carry; returns the new ids. */
    public List<String> append(List<StreamMessage> messages) {
        return messages.stream().map(message -> append(message.event(), message.data())).toList();
    }

    /** The retained stream, oldest first, with ids: what a client starting at 0-0 receives. */
    public List<StreamMessage> events() {
        return eventLog.entries().stream().map(OpenCtiEmulator::message).toList();
    }

    /** The id of the newest entry, or {@code 0-0} when the stream is empty. */
    public String lastEventId() {
        return eventLog.info().last().toString();
    }

    public String firstEventId() {
        return eventLog.info().first().toString();
    }

    public List<RegisteredConnector> registeredConnectors() {
        return connectors.all();
    }

    /** Trims the stream to its newest {@code keep} entries, as Redis retention does. */
    public void trim(int keep) {
        eventLog.trim(keep);
    }

    /** Stops the stream: open connections end, new ones get 410 until {@link #startStream()}. */
    public void stopStream() {
        stopped.set(true);
    }

    public void startStream() {
        stopped.set(false);
    }

    public int openConnections() {
        return streams.openSessions();
    }

    /**
     * Connections that {@link Faults#pause()} holds now. A connection is held at its next step (at
     * most 100 ms when idle), before it reads any more entries; a test that must know nothing more
     * is read waits until this equals {@link #openConnections()}.
     */
    public int pausedConnections() {
        return faults.heldByPause();
    }

    @Override
    public void close() {
        faults.clear();
        server.stop(0);
        executor.shutdownNow();
        log.info("OpenCTI emulator stopped url={}", baseUrl());
    }

    private static StreamMessage message(LogEntry entry) {
        return new StreamMessage(entry.event(), entry.id().toString(), entry.data());
    }

    /**
     * The JDK server writes an answer's headers and its body in two TCP segments; with Nagle's
     * algorithm on, the body then waits for the client's delayed ACK, about 40 ms per answer
     * (measured: 47 ms against 0.8 ms per request). The JDK reads this property once, when the
     * first server of the JVM starts, so it only helps when an emulator is that first server; a
     * launcher can set it for certain with {@code -Dsun.net.httpserver.nodelay=true}.
     */
    private static void preferNoDelay() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private static HttpServer newServer(OpenCtiEmulatorOptions options) {
        preferNoDelay();
        try {
            return HttpServer.create(new InetSocketAddress(options.host(), options.port()), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + options.port(), e);
        }
    }

    private static HttpsServer newHttpsServer(OpenCtiEmulatorOptions options, SSLContext tls) {
        preferNoDelay();
        try {
            HttpsServer server =
                    HttpsServer.create(new InetSocketAddress(options.host(), options.port()), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + options.port(), e);
        }
    }

    private static ExecutorService executor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(
                task -> {
                    Thread thread = new Thread(task, "opencti-emulator-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
