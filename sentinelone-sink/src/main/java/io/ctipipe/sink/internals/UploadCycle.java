package io.ctipipe.sink.internals;

import io.ctipipe.sink.SinkConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over a coalesced run of commands, on the cycle thread:
 *
 * <ol>
 *   <li>reconcile the Indicators that carry an in-flight marker (see {@link Reconciler});
 *   <li>plan each Indicator (see {@link Planner}); stale commands do nothing;
 *   <li>commit an in-flight marker for every Indicator that will POST, in its own transaction;
 *   <li>POST the IOCs in batches of {@code SENTINELONE_BATCH_SIZE}, several at once;
 *   <li>look for copies after ambiguous failures;
 *   <li>DELETE by uuid what is no longer desired and the old copies of replaced IOCs (after the new
 *       copy exists, so that an update never leaves a gap in detection);
 *   <li>return the new states and dead letters, for the consumer thread to commit with the offsets.
 * </ol>
 *
 * Each Indicator appears once per cycle and cycles run one after another, so one Indicator's
 * commands are applied in order whatever the parallelism.
 */
public final class UploadCycle {
    private static final Logger log = LoggerFactory.getLogger(UploadCycle.class);

    private final SinkConfig config;
    private final Planner planner;
    private final Reconciler reconciler;
    private final BatchUploader uploader;
    private final Deleter deleter;
    private final Parallel parallel;
    private final TransactionWriter writer;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public UploadCycle(
            SinkConfig config,
            SentinelOneClient client,
            ApiCaller caller,
            ExecutorService httpPool,
            TransactionWriter writer,
            DeadLetters deadLetters,
            SinkMetrics metrics,
            Clock clock) {
        this.config = config;
        this.planner = new Planner(config.resend());
        this.reconciler = new Reconciler(client, caller, config.source());
        this.uploader = new BatchUploader(client, caller, metrics);
        this.deleter = new Deleter(client, caller, metrics);
        this.parallel = new Parallel(httpPool);
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** Starts the cycle on the given thread; the future completes when it is done. */
    public RunningCycle start(CycleInput input, ExecutorService cycleThread) {
        RunningCycle cycle = new RunningCycle(input);
        cycle.started(CompletableFuture.supplyAsync(() -> run(cycle), cycleThread));
        return cycle;
    }

    CycleOutcome run(RunningCycle cycle) {
        CycleInput input = cycle.input();
        Cancellation cancellation = cycle.cancellation();
        Map<CommandRecord, CallResult<IndicatorState>> reconciled = reconcile(input, cancellation);
        List<IndicatorWork> works = new ArrayList<>();
        List<StateUpdate> states = new ArrayList<>();
        int stale = plan(input, reconciled, works, states);

        markInFlight(cycle, works);
        upload(works, cancellation);
        lookForCopies(works, cancellation);
        delete(works, cancellation);

        return outcome(input, works, states, stale);
    }

    private Map<CommandRecord, CallResult<IndicatorState>> reconcile(
            CycleInput input, Cancellation cancellation) {
        Map<CommandRecord, CallResult<IndicatorState>> results = new ConcurrentHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (CommandRecord command : input.commands()) {
            IndicatorState state = input.state(command.indicatorId());
            if (state.pending() != null) {
                tasks.add(() -> results.put(command, reconcileOne(command, state, cancellation)));
            }
        }
        parallel.run(tasks, cancellation);
        if (!results.isEmpty()) {
            long failed = results.values().stream().filter(result -> !result.ok()).count();
            log.info(
                    "Reconciled Indicators left in flight indicators={} failed={}",
                    results.size(),
                    failed);
        }
        return results;
    }

    private CallResult<IndicatorState> reconcileOne(
            CommandRecord command, IndicatorState state, Cancellation cancellation) {
        CallResult<IndicatorState> result = reconciler.reconcile(state, cancellation);
        failIfFatal(result, "GET");
        log.debug(
                "Reconciled an Indicator left in flight indicatorId={} pendingEventId={} ok={}",
                command.indicatorId(),
                state.pending().eventId(),
                result.ok());
        return result;
    }

    private int plan(
            CycleInput input,
            Map<CommandRecord, CallResult<IndicatorState>> reconciled,
            List<IndicatorWork> works,
            List<StateUpdate> states) {
        int stale = 0;
        for (CommandRecord command : input.commands()) {
            IndicatorState held = input.state(command.indicatorId());
            CallResult<IndicatorState> found = reconciled.get(command);
            if (found != null && !found.ok()) {
                works.add(IndicatorWork.unreconciled(command, held, found));
                continue;
            }
            IndicatorState current = found == null ? held : found.value();
            Optional<IndicatorWork> work = planner.plan(command, current);
            if (work.isPresent()) {
                works.add(work.get());
            } else {
                stale++;
                log.trace("Skipped a stale command position={}", command.position());
                if (found != null) {
                    states.add(update(command, current));
                }
            }
        }
        return stale;
    }

    private void markInFlight(RunningCycle cycle, List<IndicatorWork> works) {
        List<StateUpdate> marked = new ArrayList<>();
        for (IndicatorWork work : works) {
            if (!work.upload().isEmpty()) {
                marked.add(update(work.source(), work.markedState(clock.instant())));
            }
        }
        if (!marked.isEmpty()) {
            cycle.cancellation().check();
            writer.mark(marked);
            cycle.marked(marked);
        }
    }

    private void upload(List<IndicatorWork> works, Cancellation cancellation) {
        List<BatchItem> items = new ArrayList<>();
        works.forEach(work -> work.upload().forEach(ioc -> items.add(new BatchItem(work, ioc))));
        List<Runnable> batches = new ArrayList<>();
        for (List<BatchItem> batch : chunks(items, config.batchSize())) {
            batches.add(() -> uploader.upload(batch, cancellation));
        }
        parallel.run(batches, cancellation);
    }

    private void lookForCopies(List<IndicatorWork> works, Cancellation cancellation) {
        List<Runnable> lookups = new ArrayList<>();
        for (IndicatorWork work : works) {
            if (work.ambiguous()) {
                lookups.add(() -> failIfFatal(reconciler.lookForCopies(work, cancellation), "GET"));
            }
        }
        parallel.run(lookups, cancellation);
    }

    private void delete(List<IndicatorWork> works, Cancellation cancellation) {
        List<Deleter.Item> items = new ArrayList<>();
        works.forEach(
                work -> work.uuidsToDelete().forEach(u -> items.add(new Deleter.Item(work, u))));
        List<Runnable> chunks = new ArrayList<>();
        for (List<Deleter.Item> chunk : chunks(items, config.batchSize())) {
            chunks.add(() -> deleter.delete(chunk, cancellation));
        }
        parallel.run(chunks, cancellation);
    }

    private CycleOutcome outcome(
            CycleInput input, List<IndicatorWork> works, List<StateUpdate> states, int stale) {
        List<DeadLetter> dead = new ArrayList<>();
        for (Coalescer.Undecodable record : input.undecodable()) {
            String message = record.reason();
            DeadLetterReason reason =
                    new DeadLetterReason(DeadLetterReason.UNDECODABLE, message, null, List.of());
            dead.add(deadLetter(record.record(), reason));
        }
        int applied = 0;
        for (IndicatorWork work : works) {
            states.add(update(work.source(), work.finalState()));
            Optional<DeadLetterReason> reason = work.deadLetter();
            if (reason.isPresent()) {
                dead.add(deadLetter(work.source().record(), reason.get()));
            } else {
                applied++;
            }
        }
        return new CycleOutcome(states, dead, applied, stale);
    }

    private DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> original, DeadLetterReason why) {
        return new DeadLetter(original, why, deadLetters.record(original, why));
    }

    private static StateUpdate update(CommandRecord command, IndicatorState state) {
        return new StateUpdate(command.partition(), command.indicatorId(), state);
    }

    private static void failIfFatal(CallResult<?> result, String method) {
        if (!result.ok() && result.failureClass() == FailureClass.FATAL) {
            throw new FatalSinkException(
                    "SentinelOne answered a " + method + " with " + result.failure().getMessage(),
                    result.failure());
        }
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            chunks.add(List.copyOf(items.subList(start, Math.min(items.size(), start + size))));
        }
        return chunks;
    }
}
