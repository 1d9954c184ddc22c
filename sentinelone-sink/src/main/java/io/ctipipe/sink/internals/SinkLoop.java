package io.ctipipe.sink.internals;

import io.ctipipe.contracts.observability.Health;
import io.ctipipe.sink.SinkConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread of the sink. It polls the IOC topic (read_committed, manual commits), buffers
 * records until a full cycle or the linger time, hands them to an {@link UploadCycle} on the cycle
 * thread, keeps polling (with partitions paused when the buffer is full or SentinelOne refuses the
 * credentials) so that the group membership holds, and commits each cycle's states, dead letters
 * and offsets in one transaction.
 *
 * <p>On revocation and shutdown the running cycle is finished and committed; if it cannot finish in
 * time (credentials refused, SentinelOne unreachable) it is abandoned: nothing of it is committed
 * but its in-flight markers, and its records are read again by whoever owns them next. An HTTP call
 * already on the wire when a cycle is abandoned still ends (within SENTINELONE_TIMEOUT); if a POST
 * of it lands after the new owner reconciled that Indicator, a second copy can exist in
 * SentinelOne's new-record mode until the Indicator's next command replaces it.
 */
public final class SinkLoop implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SinkLoop.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final SinkConfig config;
    private final SinkClients clients;
    private final Consumer<byte[], byte[]> consumer;
    private final UploadCycle uploadCycle;
    private final AuthGate authGate;
    private final CycleReporter reporter;
    private final SinkHooks hooks;
    private final Clock clock;
    private final UploadLedger ledger;
    private final RecordBuffer buffer;
    private final int maxBuffered;

    private volatile boolean stopping;
    private volatile boolean running;
    private volatile String failure;
    private volatile RunningCycle cycle;

    public SinkLoop(SinkConfig config, SinkClients clients, SinkHooks hooks, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.consumer = clients.consumer();
        this.uploadCycle = clients.uploadCycle();
        this.authGate = clients.authGate();
        this.ledger = clients.ledger();
        this.reporter = new CycleReporter(clients.metrics());
        this.hooks = hooks;
        this.clock = clock;
        int fullCycle = config.batchSize() * config.maxInFlight();
        this.buffer = new RecordBuffer(config.linger(), fullCycle);
        this.maxBuffered = 2 * fullCycle;
    }

    public Health health() {
        if (failure != null) {
            return Health.down("stopped: " + failure);
        }
        if (authGate.inOutage()) {
            return Health.down(authGate.detail());
        }
        return running ? Health.ok() : Health.down("starting");
    }

    @Override
    public void run() {
        try {
            clients.writer().init();
            clients.checkTopics();
            consumer.subscribe(List.of(config.topics().iocs()), new Rebalance());
            running = true;
            while (!stopping) {
                step();
            }
            settle(config.timeout());
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            running = false;
            clients.close();
        }
    }

    /** Asks the loop to finish its cycle and stop; returns at once. */
    @Override
    public void close() {
        stopping = true;
        if (authGate.inOutage() && cycle != null) {
            cycle.cancellation().cancel();
        }
        consumer.wakeup();
    }

    private void step() {
        poll();
        if (cycle != null && cycle.future().isDone()) {
            finish();
        }
        if (cycle == null && buffer.ready(clock.millis())) {
            begin();
        }
        holdOrResume();
    }

    private void poll() {
        Duration timeout = IDLE_POLL;
        if (cycle == null && buffer.size() > 0) {
            timeout = Duration.ofMillis(Math.max(1, buffer.waitLeft(clock.millis())));
        }
        try {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
            buffer.add(records, clock.millis());
        } catch (WakeupException e) {
            // A cycle finished or a stop was asked: the loop looks at both next.
        }
    }

    private void begin() {
        CycleInput input =
                Coalescer.coalesceDecoded(
                        buffer.drain(), c -> ledger.get(c.partition(), c.indicatorId()));
        log.debug(
                "Starting an upload cycle records={} indicators={}",
                input.recordCount(),
                input.commands().size());
        cycle = uploadCycle.start(input, clients.cycleThread());
        cycle.future().whenComplete((outcome, error) -> consumer.wakeup());
    }

    private void finish() {
        RunningCycle done = cycle;
        cycle = null;
        CycleOutcome outcome;
        try {
            outcome = done.future().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CycleAbandoned) {
                abandon(done, e.getCause().getMessage());
                return;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        hooks.beforeCommit(done);
        commit(done, outcome);
    }

    private void commit(RunningCycle done, CycleOutcome outcome) {
        List<ProducerRecord<byte[], byte[]>> dead =
                outcome.deadLetters().stream().map(DeadLetter::record).toList();
        try {
            clients.writer()
                    .commit(
                            outcome.states(),
                            dead,
                            done.input().offsets(),
                            consumer.groupMetadata());
        } catch (KafkaException e) {
            if (SinkClients.isFatal(e)) {
                throw new FatalSinkException("the transactional producer cannot go on: " + e, e);
            }
            log.warn("Commit failed; the cycle's records will be read again", e);
            clients.writer().abort();
            abandon(done, "commit failed");
            return;
        }
        ledger.apply(outcome.states());
        reporter.committed(done.input(), outcome);
    }

    private void abandon(RunningCycle done, String reason) {
        log.warn(
                "Abandoned an upload cycle reason={} records={}; reading them again",
                reason,
                done.input().recordCount());
        ledger.apply(done.marked());
        Set<TopicPartition> owned = consumer.assignment();
        for (Map.Entry<TopicPartition, Long> first : done.input().firstOffsets().entrySet()) {
            if (owned.contains(first.getKey())) {
                consumer.seek(first.getKey(), first.getValue());
            }
        }
        buffer.drop(done.input().firstOffsets().keySet());
    }

    /** Finishes the running cycle within the wait, else cancels and abandons it. */
    private void settle(Duration wait) {
        if (cycle == null) {
            return;
        }
        if (authGate.inOutage()) {
            cycle.cancellation().cancel();
        }
        if (!await(wait)) {
            log.warn("An upload cycle did not finish within {}; cancelling it", wait);
            cycle.cancellation().cancel();
            await(config.timeout().plusSeconds(5));
        }
        if (cycle.future().isDone()) {
            finish();
        } else {
            RunningCycle stuck = cycle;
            cycle = null;
            abandon(stuck, "did not stop");
        }
    }

    private boolean await(Duration wait) {
        try {
            cycle.future().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void holdOrResume() {
        Set<TopicPartition> assigned = consumer.assignment();
        boolean hold = authGate.inOutage() || buffer.size() >= maxBuffered;
        if (hold) {
            consumer.pause(assigned);
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private void fail(RuntimeException e) {
        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.error("The sink stopped and commits nothing more reason={}", failure, e);
        if (cycle != null) {
            cycle.cancellation().cancel();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            settle(config.timeout());
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (cycle != null) {
                cycle.cancellation().cancel();
                await(config.timeout().plusSeconds(5));
                cycle = null;
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
                clients.restorer().restore(numbers, ledger);
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> ledger.drop(partition.partition()));
            buffer.drop(partitions);
            log.info("Partitions revoked partitions={}", partitions);
        }
    }
}
