package io.ctipipe.ingester;

import io.ctipipe.contracts.observability.Health;
import io.ctipipe.contracts.observability.RunningService;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.ingester.internals.IngesterMetrics;
import io.ctipipe.ingester.internals.Ingestion;
import io.ctipipe.ingester.internals.OpenCtiRegistrar;
import io.ctipipe.ingester.internals.Sleeper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an OpenCTI live stream into Kafka, exactly once: every create, update, delete and merge
 * message goes to the events topic (key: the OpenCTI internal id; value: the SSE data bytes;
 * headers: event name, SSE id, stream id) in a transaction that also writes the new stream position
 * to the compacted state topic. A restart resumes from that position. The service also registers
 * with OpenCTI and pings it with its state.
 */
public final class StreamIngesterService implements RunningService {
    private static final Logger log = LoggerFactory.getLogger(StreamIngesterService.class);

    private static final Duration SAFE_IDLE_TIMEOUT = Duration.ofSeconds(15);

    private final IngesterConfig config;
    private final Ingestion ingestion;
    private final OpenCtiRegistrar registrar;
    private final Thread thread;

    public StreamIngesterService(IngesterConfig config, MeterRegistry registry) {
        this(config, registry, Clock.systemUTC());
    }

    /** With a clock for the lag metric, state timestamps and the "now" start positions. */
    public StreamIngesterService(IngesterConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        IngesterMetrics metrics = new IngesterMetrics(registry, clock);
        this.ingestion = new Ingestion(config, metrics, clock, Sleeper.SYSTEM);
        this.registrar = new OpenCtiRegistrar(config, ingestion.committedStateHolder());
        this.thread = new Thread(ingestion, "ctipipe-ingester");
    }

    @Override
    public void start() {
        log.info("Starting stream ingester config={}", config);
        if (config.idleTimeout().compareTo(SAFE_IDLE_TIMEOUT) < 0) {
            log.warn(
                    "INGESTER_IDLE_TIMEOUT is under three platform heartbeat periods (5 s each)"
                            + " idleTimeoutMs={}: quiet but healthy connections will be cut, and"
                            + " the last event waits for a heartbeat that may never arrive in time",
                    config.idleTimeout().toMillis());
        }
        thread.start();
        registrar.start();
    }

    @Override
    public Health health() {
        return thread.getState() == Thread.State.TERMINATED
                ? Health.down("ingester stopped")
                : ingestion.health();
    }

    /** The stream position committed to Kafka last, if any. */
    public Optional<IngesterState> committedState() {
        return ingestion.committedState();
    }

    /** Commits what is complete, then stops; safe to call at any moment. */
    @Override
    public void close() {
        // Says why a stop can take a while: with Kafka gone, the last commit waits out its timeout.
        log.info(
                "Stopping the stream ingester streamId={}: committing what is complete,"
                        + " waiting up to 30 s for Kafka",
                config.streamId());
        ingestion.stop();
        registrar.close();
        join();
        ingestion.shutdown();
        log.info("Stream ingester stopped streamId={}", config.streamId());
    }

    /**
     * Simulates a crash for tests: stops at once without committing anything more; the open
     * transaction is aborted when the next instance fences this one.
     */
    void halt() {
        ingestion.halt();
        registrar.close();
        thread.interrupt();
        join();
        ingestion.shutdown();
    }

    private void join() {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
