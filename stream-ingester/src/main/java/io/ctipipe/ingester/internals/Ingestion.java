package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.observability.Health;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.ingester.IngesterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sessions until stopped. A session creates the transactional producer (fencing any older
 * instance), reads the committed state, starts the reader from it and writes what the reader hands
 * over. Any Kafka failure ends the session: what was not committed is dropped and the next session
 * resumes from the committed state, so events are neither lost nor repeated.
 */
public final class Ingestion implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final IngesterConfig config;
    private final IngesterMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final StreamClient client;
    private final StateStore stateStore;
    private final CommittedState committed = new CommittedState();
    private final ReconnectBackoff kafkaBackoff;
    private volatile boolean running = true;
    private volatile boolean halted;
    private volatile TransactionalPublisher publisher;
    private volatile StreamReader reader;
    private volatile Failure fatal;
    private volatile Failure kafkaProblem;

    public Ingestion(IngesterConfig config, IngesterMetrics metrics, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
        this.client = new StreamClient(config);
        this.stateStore = new StateStore(config.kafka(), config.streamId());
        this.kafkaBackoff = backoff(config);
    }

    private static ReconnectBackoff backoff(IngesterConfig config) {
        return new ReconnectBackoff(
                config.reconnectMinBackoff(),
                config.reconnectMaxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public void run() {
        while (running) {
            try {
                session();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!recoverFrom(e)) {
                    return;
                }
            }
        }
    }

    private void session() throws InterruptedException {
        stateStore.checkTopics();
        TransactionalPublisher session = new TransactionalPublisher(config);
        publisher = session;
        Thread readerThread = null;
        try {
            BlockingQueue<HandOff> queue = new ArrayBlockingQueue<>(config.handOffCapacity());
            PublishLoop loop = start(session, queue);
            StreamReader streamReader = reader;
            readerThread = new Thread(streamReader, "ctipipe-ingester-reader");
            readerThread.start();
            kafkaProblem = null;
            loop.run(() -> running);
            finish(streamReader, readerThread, loop);
        } finally {
            stopReader(readerThread);
            if (halted) {
                session.closeNow();
            } else {
                session.close();
            }
        }
    }

    private PublishLoop start(TransactionalPublisher session, BlockingQueue<HandOff> queue) {
        Optional<IngesterState> stored = stateStore.read();
        StreamPosition start =
                stored.map(IngesterState::streamPosition)
                        .orElseGet(() -> StartPosition.resolve(config.startFrom(), clock));
        Instant recover =
                stored.isPresent()
                        ? stored.get().recoverUntil()
                        : StartPosition.recoverUntil(config.recoverUntil(), clock).orElse(null);
        stored.ifPresent(committed::set);
        PublishLoop loop =
                new PublishLoop(session, queue, config, clock, metrics, recover, committed);
        if (stored.isEmpty()) {
            loop.writeState(start);
            log.info(
                    "First start, no stored state streamId={} startFrom={} recoverUntil={}",
                    config.streamId(),
                    start,
                    recover);
        } else {
            log.info(
                    "Resuming from stored state streamId={} position={} recoverUntil={}",
                    config.streamId(),
                    start,
                    recover);
        }
        reader = newReader(start, recover, queue);
        return loop;
    }

    private StreamReader newReader(
            StreamPosition start, Instant recover, BlockingQueue<HandOff> queue) {
        ReaderSettings settings =
                new ReaderSettings(backoff(config), sleeper, config.authRetryInterval(), recover);
        GroupAssembler assembler = new GroupAssembler(start, config.clockSkewMargin());
        return new StreamReader(client, assembler, queue, settings, metrics);
    }

    private void finish(StreamReader streamReader, Thread readerThread, PublishLoop loop)
            throws InterruptedException {
        if (halted) {
            return;
        }
        streamReader.stop();
        readerThread.interrupt();
        readerThread.join(Duration.ofSeconds(10).toMillis());
        loop.drain();
    }

    private void stopReader(Thread readerThread) {
        StreamReader current = reader;
        if (current != null) {
            current.stop();
        }
        if (readerThread != null) {
            readerThread.interrupt();
        }
    }

    /** Logs and waits after a failed session; false when the failure is fatal. */
    private boolean recoverFrom(RuntimeException error) {
        Failure failure = FailureClassifier.kafka(error);
        metrics.aborted();
        if (failure.kind() == FailureKind.FATAL) {
            fatal = failure;
            running = false;
            log.error("Stopping the ingester cause={}: {}", failure.cause(), failure.hint(), error);
            return false;
        }
        kafkaProblem = failure;
        Duration delay =
                failure.kind() == FailureKind.PERMANENT
                        ? kafkaBackoff.slow(config.authRetryInterval())
                        : kafkaBackoff.next();
        log.warn(
                "Kafka session failed, resuming from the committed state cause={} detail={}"
                        + " retryInMs={}",
                failure.cause(),
                failure.hint(),
                delay.toMillis(),
                error);
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A clean stop: the reader stops, what it handed over is committed, then the producer closes.
     */
    public void stop() {
        running = false;
    }

    /** A crash: nothing more is committed, the open transaction is left to be aborted. */
    public void halt() {
        halted = true;
        running = false;
        StreamReader current = reader;
        if (current != null) {
            current.stop();
        }
        TransactionalPublisher session = publisher;
        if (session != null) {
            session.closeNow();
        }
    }

    public CommittedState committedStateHolder() {
        return committed;
    }

    public Optional<IngesterState> committedState() {
        return committed.get();
    }

    public Health health() {
        Failure failed = fatal;
        if (failed != null) {
            return Health.down("stopped: " + failed.hint());
        }
        StreamReader current = reader;
        Optional<Failure> refused = current == null ? Optional.empty() : current.permanentFailure();
        if (refused.isPresent()) {
            return Health.down("stream " + refused.get().cause() + ": " + refused.get().hint());
        }
        Optional<String> unreachable =
                current == null
                        ? Optional.empty()
                        : current.failingLongerThan(config.idleTimeout(), Instant.now());
        if (unreachable.isPresent()) {
            return Health.down(unreachable.get() + "; check OPENCTI_URL and the network");
        }
        Failure kafka = kafkaProblem;
        if (kafka != null && kafka.kind() == FailureKind.PERMANENT) {
            return Health.down("kafka " + kafka.cause() + ": " + kafka.hint());
        }
        return Health.ok();
    }

    public void shutdown() {
        client.shutdown();
    }
}
