package io.ctipipe.sink;

import io.ctipipe.contracts.observability.Health;
import io.ctipipe.contracts.observability.RunningService;
import io.ctipipe.sink.internals.SinkClients;
import io.ctipipe.sink.internals.SinkHooks;
import io.ctipipe.sink.internals.SinkLoop;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentinelone-sink service: reads IOC commands from {@code Topics.iocs()} and makes SentinelOne
 * hold exactly the IOCs they describe.
 *
 * <ul>
 *   <li>Commands are coalesced per Indicator (the newest wins) and compared with what the sink
 *       remembers having uploaded; only changes are sent: POSTs in batches, DELETEs by uuid.
 *   <li>The memory lives in the compacted {@code Topics.sinkState()} topic (one record per
 *       Indicator, same partition as its commands) and is written in the same Kafka transaction as
 *       the consumer offsets and the dead letters. A replay is therefore harmless.
 *   <li>Before a POST, an in-flight marker is committed for the Indicators concerned. After a
 *       crash, an Indicator found with a marker is looked up in SentinelOne ({@code GET
 *       ?externalId=&source=}) and what is found is adopted before anything is sent again, so a
 *       kill between POST and commit loses nothing and, in either repeat mode, duplicates nothing.
 *   <li>Retries: Resilience4j, exponential backoff with jitter, Retry-After honoured. Rejected
 *       items and exhausted batches go to {@code Topics.iocsDlq()} with the {@code
 *       DeadLetterHeaders} context. Refused credentials and an untrusted certificate dead-letter
 *       nothing: the sink pauses and reports DOWN until they work again.
 * </ul>
 */
public final class SentinelOneSinkService implements RunningService {
    private static final Logger log = LoggerFactory.getLogger(SentinelOneSinkService.class);

    private final SinkConfig config;
    private final MeterRegistry registry;
    private final SinkHooks hooks;
    private SinkLoop loop;
    private Thread thread;

    public SentinelOneSinkService(SinkConfig config, MeterRegistry registry) {
        this(config, registry, SinkHooks.NONE);
    }

    SentinelOneSinkService(SinkConfig config, MeterRegistry registry, SinkHooks hooks) {
        this.config = config;
        this.registry = registry;
        this.hooks = hooks;
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            throw new IllegalStateException("the sink was already started");
        }
        log.info("Starting sentinelone-sink config={}", config);
        Clock clock = Clock.systemUTC();
        loop = new SinkLoop(config, new SinkClients(config, registry, clock), hooks, clock);
        thread = new Thread(loop, "ctipipe-sink");
        thread.start();
    }

    @Override
    public synchronized Health health() {
        return loop == null ? Health.down("not started") : loop.health();
    }

    /** Finishes the running cycle (or abandons it safely) and stops; waits for the thread. */
    @Override
    public synchronized void close() {
        if (loop == null) {
            return;
        }
        loop.close();
        try {
            thread.join(config.timeout().plus(Duration.ofSeconds(30)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Stopped sentinelone-sink");
    }
}
