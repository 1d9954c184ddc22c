package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.Ioc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Indicator's part of an upload cycle: the plan from {@link Planner}, then what happened to
 * each IOC. Batches run on several threads, so recording is synchronized.
 *
 * <p>The state it ends in tells the truth about SentinelOne: accepted IOCs with their new uuids,
 * old versions kept where the new one was not accepted, and every uuid whose delete failed. The
 * eventId advances only when the command was applied whole, so a dead-lettered command is applied
 * when redriven, while a newer command still wins over it.
 */
public final class IndicatorWork {
    private final CommandRecord source;
    private final IndicatorState before;
    private final List<Ioc> upload;
    private final List<UploadedIoc> unchanged;
    private final List<UploadedIoc> removed;
    private final Map<String, UploadedIoc> replaced;

    private final Map<String, List<String>> accepted = new HashMap<>();
    private final Map<String, CallResult<?>> rejected = new HashMap<>();
    private final Set<String> undeleted = new HashSet<>();
    private final Set<String> extras = new LinkedHashSet<>();
    private CallResult<?> exhausted;
    private CallResult<?> deleteFailure;
    private PendingMarker marker;
    private boolean ambiguous;

    IndicatorWork(
            CommandRecord source,
            IndicatorState before,
            List<Ioc> upload,
            List<UploadedIoc> unchanged,
            List<UploadedIoc> removed,
            Map<String, UploadedIoc> replaced) {
        this.source = source;
        this.before = before;
        this.upload = List.copyOf(upload);
        this.unchanged = List.copyOf(unchanged);
        this.removed = List.copyOf(removed);
        this.replaced = Map.copyOf(replaced);
    }

    /** The work of an Indicator that could not be reconciled: nothing is sent, it is retried. */
    static IndicatorWork unreconciled(
            CommandRecord source, IndicatorState before, CallResult<?> failure) {
        IndicatorWork work =
                new IndicatorWork(source, before, List.of(), before.iocs(), List.of(), Map.of());
        work.exhausted = failure;
        work.marker = before.pending();
        return work;
    }

    public CommandRecord source() {
        return source;
    }

    public String indicatorId() {
        return source.indicatorId();
    }

    public List<Ioc> upload() {
        return upload;
    }

    /** The marker to commit before uploading, remembered for the final state. */
    synchronized IndicatorState markedState(Instant now) {
        List<String> externalIds =
                upload.stream().map(Ioc::externalId).filter(id -> id != null).distinct().toList();
        marker = new PendingMarker(source.command().eventId(), externalIds, now.toString());
        return before.withPending(marker);
    }

    synchronized void accepted(Ioc ioc, List<String> uuids, boolean maybeDuplicated) {
        accepted.put(ioc.identity(), List.copyOf(uuids));
        ambiguous |= maybeDuplicated || uuids.isEmpty();
    }

    synchronized void rejected(Ioc ioc, CallResult<?> result) {
        rejected.put(ioc.identity(), result);
    }

    synchronized void exhausted(CallResult<?> result) {
        exhausted = result;
    }

    synchronized boolean ambiguous() {
        return ambiguous && exhausted == null;
    }

    /**
     * What a search found for an accepted IOC after an ambiguous upload: adopted when the answer
     * named no uuid, otherwise the extra copies are deleted.
     */
    synchronized void found(String identity, List<String> uuids) {
        List<String> known = accepted.get(identity);
        if (known == null) {
            return;
        }
        if (known.isEmpty()) {
            accepted.put(identity, List.copyOf(uuids));
            return;
        }
        UploadedIoc old = replaced.get(identity);
        for (String uuid : uuids) {
            if (!known.contains(uuid) && (old == null || !old.uuids().contains(uuid))) {
                extras.add(uuid);
            }
        }
    }

    /** Every uuid to delete: IOCs no longer desired, old copies of replaced ones, duplicates. */
    synchronized List<String> uuidsToDelete() {
        if (exhausted != null) {
            return List.of();
        }
        Set<String> uuids = new LinkedHashSet<>();
        removed.forEach(ioc -> uuids.addAll(ioc.uuids()));
        accepted.forEach(
                (identity, now) -> {
                    UploadedIoc old = replaced.get(identity);
                    if (old != null) {
                        old.uuids().stream()
                                .filter(uuid -> !now.contains(uuid))
                                .forEach(uuids::add);
                    }
                });
        uuids.addAll(extras);
        return new ArrayList<>(uuids);
    }

    synchronized void deleteFailed(List<String> uuids, CallResult<?> result) {
        undeleted.addAll(uuids);
        deleteFailure = result;
    }

    /** The state to remember after the cycle. */
    public synchronized IndicatorState finalState() {
        List<UploadedIoc> iocs = new ArrayList<>(unchanged);
        for (Ioc ioc : upload) {
            finalIoc(ioc).ifPresent(iocs::add);
        }
        for (UploadedIoc gone : removed) {
            // An exhausted upload deletes nothing: the whole command waits for its redrive.
            List<String> left =
                    exhausted != null
                            ? gone.uuids()
                            : gone.uuids().stream().filter(undeleted::contains).toList();
            if (!left.isEmpty()) {
                iocs.add(new UploadedIoc(gone.type(), gone.value(), gone.hash(), left));
            }
        }
        String eventId = appliedWhole() ? source.command().eventId() : before.eventId();
        return new IndicatorState(eventId, iocs, exhausted == null ? null : marker);
    }

    private Optional<UploadedIoc> finalIoc(Ioc ioc) {
        String identity = ioc.identity();
        UploadedIoc old = replaced.get(identity);
        List<String> uuids = accepted.get(identity);
        if (uuids == null) {
            return Optional.ofNullable(old);
        }
        Set<String> held = new LinkedHashSet<>(uuids);
        if (old != null) {
            old.uuids().stream().filter(undeleted::contains).forEach(held::add);
        }
        extras.stream().filter(undeleted::contains).forEach(held::add);
        boolean clean = held.size() == 1;
        String hash = clean ? ContentHash.of(ioc) : UploadedIoc.UNKNOWN_HASH;
        return Optional.of(new UploadedIoc(ioc.type(), ioc.value(), hash, List.copyOf(held)));
    }

    private boolean appliedWhole() {
        return rejected.isEmpty() && exhausted == null && deleteFailure == null;
    }

    /** Why the command goes to the dead-letter topic, or empty when it went through. */
    public synchronized Optional<DeadLetterReason> deadLetter() {
        List<String> rejectedIocs = new ArrayList<>(rejected.keySet());
        rejectedIocs.sort(null);
        if (exhausted != null) {
            return Optional.of(exhaustion(exhausted, "uploading", rejectedIocs));
        }
        if (deleteFailure != null) {
            return Optional.of(exhaustion(deleteFailure, "deleting", rejectedIocs));
        }
        if (!rejected.isEmpty()) {
            CallResult<?> first = rejected.get(rejectedIocs.get(0));
            String message = "SentinelOne rejected " + rejectedIocs.size() + " IOC(s)";
            return Optional.of(
                    new DeadLetterReason(DeadLetterReason.REJECTED, message, first, rejectedIocs));
        }
        return Optional.empty();
    }

    private static DeadLetterReason exhaustion(
            CallResult<?> result, String doing, List<String> rejectedIocs) {
        String message =
                "gave up "
                        + doing
                        + " after "
                        + result.attempts()
                        + " attempt(s): "
                        + result.failure().getMessage();
        String errorClass =
                result.failureClass() == FailureClass.REJECTED
                        ? DeadLetterReason.REJECTED
                        : DeadLetterReason.EXHAUSTED;
        return new DeadLetterReason(errorClass, message, result, rejectedIocs);
    }
}
