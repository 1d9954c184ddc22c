package io.ctipipe.emulator.sentinelone;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.ctipipe.emulator.sentinelone.internals.InspectionHandler;
import io.ctipipe.emulator.sentinelone.internals.IocApiHandler;
import io.ctipipe.emulator.sentinelone.internals.IocStore;
import io.ctipipe.emulator.sentinelone.internals.RequestStats;
import io.ctipipe.emulator.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process emulator of the SentinelOne threat-intelligence IOC API ({@code POST}, {@code GET}
 * and {@code DELETE /web/api/v2.1/threat-intelligence/iocs}) with the console's authentication,
 * scope and validation rules, two repeat modes, fault injection and an inspection endpoint ({@code
 * GET /_emulator/iocs}). For tests, the quickstart and {@code ctipipe emulate sentinelone}.
 *
 * <pre>{@code
 * try (SentinelOneEmulator s1 = SentinelOneEmulator.start(SentinelOneEmulatorOptions.defaults())) {
 *     s1.faults().enqueue("POST", Fault.status(503));
 *     // point a client at s1.baseUrl() with s1.apiToken() and s1.accountId()
 * }
 * }</pre>
 */
public final class SentinelOneEmulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SentinelOneEmulator.class);
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final SentinelOneEmulatorOptions options;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Faults faults;
    private final IocStore store;
    private final RequestStats stats;
    private final CountDownLatch closed;

    private SentinelOneEmulator(
            SentinelOneEmulatorOptions options, HttpServer server, ExecutorService threads) {
        this.options = options;
        this.server = server;
        this.threads = threads;
        this.faults = new Faults(options.clock(), options.seed());
        this.store = new IocStore();
        this.stats = new RequestStats();
        this.closed = new CountDownLatch(1);
    }

    /** Binds and starts the emulator; throws UncheckedIOException when the port is taken. */
    public static SentinelOneEmulator start(SentinelOneEmulatorOptions options) {
        return start(options, bind(options));
    }

    /**
     * Starts the emulator over HTTPS: {@code tls} holds the server certificate (its key managers)
     * and clients must trust its issuer ({@link SelfSignedCertificate} offers one for 127.0.0.1).
     * {@link #baseUrl()} then starts with {@code https://}.
     */
    public static SentinelOneEmulator startHttps(
            SentinelOneEmulatorOptions options, SSLContext tls) {
        HttpsServer server = bindHttps(options);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return start(options, server);
    }

    private static SentinelOneEmulator start(
            SentinelOneEmulatorOptions options, HttpServer server) {
        ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
        SentinelOneEmulator emulator = new SentinelOneEmulator(options, server, threads);
        emulator.configureFaults();
        server.setExecutor(threads);
        server.createContext("/", emulator.apiHandler());
        server.createContext(
                InspectionHandler.PATH, new InspectionHandler(emulator.store, emulator.stats));
        server.start();
        log.info(
                "SentinelOne emulator started baseUrl={} accountId={} repeatMode={} batchCap={}",
                emulator.baseUrl(),
                options.accountId(),
                options.repeatMode(),
                options.batchCap());
        return emulator;
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

    private static HttpServer bind(SentinelOneEmulatorOptions options) {
        preferNoDelay();
        try {
            return HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot bind " + options.host() + ":" + options.port(), e);
        }
    }

    private static HttpsServer bindHttps(SentinelOneEmulatorOptions options) {
        preferNoDelay();
        try {
            return HttpsServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot bind " + options.host() + ":" + options.port(), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "sentinelone-emulator");
            thread.setDaemon(true);
            return thread;
        };
    }

    private void configureFaults() {
        faults.latency(options.latency());
        options.randomFaults().forEach(share -> faults.random(share.fault(), share.share()));
        if (!options.authOutage().isZero()) {
            faults.authOutage(options.authOutage());
        }
    }

    private IocApiHandler apiHandler() {
        return new IocApiHandler(options, faults, stats, store, closed);
    }

    /** {@code http://host:port} (or https), without a trailing slash. */
    public String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://" + options.host() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiToken() {
        return options.apiToken();
    }

    public String accountId() {
        return options.accountId();
    }

    public SentinelOneEmulatorOptions options() {
        return options;
    }

    /** The fault injection, changeable at any time. */
    public Faults faults() {
        return faults;
    }

    /** Every IOC held, in upload order. */
    public List<StoredIoc> storedIocs() {
        return store.matching(ioc -> true).stream().map(StoredIoc::from).toList();
    }

    /** API requests received (the inspection endpoint not counted). */
    public long requestCount() {
        return stats.requests();
    }

    /** API requests received with this method (GET, POST, DELETE). */
    public long requestCount(String method) {
        return stats.requests(method);
    }

    /** Answers by HTTP status; 0 counts requests left unanswered (reset, hang, lost). */
    public Map<Integer, Long> countsByStatus() {
        return stats.byStatus();
    }

    public long statusCount(int status) {
        return stats.byStatus().getOrDefault(status, 0L);
    }

    /** Forgets every IOC and every count; faults stay as they are. */
    public void reset() {
        store.clear();
        stats.clear();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
        log.info("SentinelOne emulator stopped baseUrl={}", baseUrl());
    }

    /** Runs the emulator until the process is stopped; see {@link SentinelOneEmulatorOptions}. */
    public static void main(String[] args) throws InterruptedException {
        SentinelOneEmulator emulator = start(SentinelOneEmulatorOptions.parse(args));
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println(
                "SentinelOne emulator on "
                        + emulator.baseUrl()
                        + " token="
                        + emulator.apiToken()
                        + " accountId="
                        + emulator.accountId());
        emulator.closed.await();
    }
}
