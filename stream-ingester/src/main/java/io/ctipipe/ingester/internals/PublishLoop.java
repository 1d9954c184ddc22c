package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.ingester.IngesterConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes complete id groups from the reader and writes them in transactions that end with the new
 * position: committed when {@code INGESTER_TRANSACTION_MAX_EVENTS} events are in, or when the
 * oldest has waited {@code INGESTER_TRANSACTION_LINGER}. Heartbeat advances alone are written at
 * most every {@code INGESTER_STATE_HEARTBEAT_INTERVAL}.
 */
public final class PublishLoop {
    private static final Logger log = LoggerFactory.getLogger(PublishLoop.class);
    private static final long IDLE_POLL_MILLIS = 200;

    private final TransactionalPublisher publisher;
    private final BlockingQueue<HandOff> queue;
    private final IngesterConfig config;
    private final Clock clock;
    private final IngesterMetrics metrics;
    private final Instant recoverUntil;
    private final Map<String, Integer> eventsByType = new TreeMap<>();
    private final CommittedState committed;
    private StreamPosition pending;
    private int pendingEvents;
    private long openedNanos;
    private long lastStateWriteNanos = System.nanoTime();

    public PublishLoop(
            TransactionalPublisher publisher,
            BlockingQueue<HandOff> queue,
            IngesterConfig config,
            Clock clock,
            IngesterMetrics metrics,
            Instant recoverUntil,
            CommittedState committed) {
        this.publisher = publisher;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.recoverUntil = recoverUntil;
        this.committed = committed;
    }

    /** Writes until the flag turns false; Kafka failures propagate to the caller. */
    public void run(BooleanSupplier running) throws InterruptedException {
        while (running.getAsBoolean()) {
            HandOff item = queue.poll(waitMillis(), TimeUnit.MILLISECONDS);
            if (item != null) {
                add(item);
            }
            if (due()) {
                commit();
            }
        }
    }

    /** On a clean stop: writes what the reader already handed over, then commits. */
    public void drain() {
        List<HandOff> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(this::add);
        if (pending != null) {
            commit();
        }
    }

    /** Writes a state record on its own, e.g. the start position of a first start. */
    public void writeState(StreamPosition position) {
        pending = position;
        commit();
    }

    private void add(HandOff item) {
        if (item instanceof HandOff.Group group) {
            if (pendingEvents == 0) {
                openedNanos = System.nanoTime();
            }
            group.events().forEach(this::send);
        }
        if (pending == null || item.position().isAfter(pending)) {
            pending = item.position();
        }
    }

    private void send(StreamEvent event) {
        publisher.send(event);
        pendingEvents++;
        eventsByType.merge(event.event(), 1, Integer::sum);
    }

    private boolean due() {
        long now = System.nanoTime();
        if (pendingEvents > 0) {
            return pendingEvents >= config.transactionMaxEvents()
                    || now - openedNanos >= config.transactionLinger().toNanos();
        }
        return pending != null
                && now - lastStateWriteNanos >= config.stateHeartbeatInterval().toNanos();
    }

    private long waitMillis() {
        long now = System.nanoTime();
        if (pendingEvents > 0) {
            long left = openedNanos + config.transactionLinger().toNanos() - now;
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
        }
        if (pending != null) {
            long left = lastStateWriteNanos + config.stateHeartbeatInterval().toNanos() - now;
            return Math.max(1, Math.min(IDLE_POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return IDLE_POLL_MILLIS;
    }

    private void commit() {
        IngesterState state =
                new IngesterState(pending.toString(), clock.instant(), recoverFor(pending));
        publisher.commit(state);
        metrics.committed(pending, eventsByType);
        committed.set(state);
        log.debug("Committed transaction events={} position={}", pendingEvents, pending);
        pending = null;
        pendingEvents = 0;
        eventsByType.clear();
        lastStateWriteNanos = System.nanoTime();
    }

    /** Recover stays in the state until a position later than its date is committed. */
    private Instant recoverFor(StreamPosition position) {
        if (recoverUntil == null || position.millis() > recoverUntil.toEpochMilli()) {
            return null;
        }
        return recoverUntil;
    }
}
