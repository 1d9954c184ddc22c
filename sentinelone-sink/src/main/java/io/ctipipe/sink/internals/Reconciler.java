package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.Ioc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what SentinelOne really holds for an Indicator, by {@code GET ?externalId=&source=} (our
 * own source only: another feed's IOC with the same value is never adopted).
 *
 * <p>Before planning, an Indicator with an in-flight marker (a POST that may have landed without
 * its result being recorded: a crash, or an exhausted batch) adopts every uuid found; an IOC that
 * gained a uuid gets an unknown content hash, so the next plan uploads it once more and deletes
 * every other copy. In both repeat modes SentinelOne ends with exactly one copy.
 *
 * <p>After an upload whose earlier attempt failed ambiguously (I/O error, 5xx), the accepted IOCs
 * are looked up and copies other than the accepted one are deleted.
 */
final class Reconciler {
    static final String OPERATION = "find";

    private final SentinelOneClient client;
    private final ApiCaller caller;
    private final String source;

    Reconciler(SentinelOneClient client, ApiCaller caller, String source) {
        this.client = client;
        this.caller = caller;
        this.source = source;
    }

    /** The state with what was found adopted and the marker cleared; or the failed call. */
    CallResult<IndicatorState> reconcile(IndicatorState state, Cancellation cancellation) {
        CallResult<List<RemoteIoc>> found = findAll(state.pending().externalIds(), cancellation);
        if (!found.ok()) {
            return retype(found);
        }
        IndicatorState merged = merge(state, found.value());
        return new CallResult<>(
                merged,
                null,
                null,
                found.attempts(),
                found.firstAttempt(),
                found.lastAttempt(),
                false);
    }

    /** Looks up the accepted IOCs of an ambiguous upload and tells the work what was found. */
    CallResult<List<RemoteIoc>> lookForCopies(IndicatorWork work, Cancellation cancellation) {
        List<String> externalIds =
                work.upload().stream()
                        .map(Ioc::externalId)
                        .filter(id -> id != null)
                        .distinct()
                        .toList();
        CallResult<List<RemoteIoc>> found = findAll(externalIds, cancellation);
        if (found.ok()) {
            byIdentity(found.value()).forEach((identity, uuids) -> work.found(identity, uuids));
        }
        return found;
    }

    private CallResult<List<RemoteIoc>> findAll(List<String> externalIds, Cancellation c) {
        List<RemoteIoc> all = new ArrayList<>();
        CallResult<List<RemoteIoc>> last = null;
        for (String externalId : externalIds) {
            last = caller.call(OPERATION, c, () -> client.find(externalId, source));
            if (!last.ok()) {
                return last;
            }
            last.value().stream()
                    .filter(ioc -> source.equals(ioc.source()))
                    .filter(ioc -> externalId.equals(ioc.externalId()))
                    .forEach(all::add);
        }
        return new CallResult<>(
                all,
                null,
                null,
                last == null ? 0 : last.attempts(),
                last == null ? null : last.firstAttempt(),
                last == null ? null : last.lastAttempt(),
                false);
    }

    static IndicatorState merge(IndicatorState state, List<RemoteIoc> found) {
        Map<String, List<String>> foundUuids = byIdentity(found);
        List<UploadedIoc> merged = new ArrayList<>();
        for (UploadedIoc held : state.iocs()) {
            Set<String> uuids = new LinkedHashSet<>(held.uuids());
            uuids.addAll(foundUuids.getOrDefault(held.identity(), List.of()));
            foundUuids.remove(held.identity());
            String hash =
                    uuids.size() == held.uuids().size() ? held.hash() : UploadedIoc.UNKNOWN_HASH;
            merged.add(new UploadedIoc(held.type(), held.value(), hash, List.copyOf(uuids)));
        }
        Map<String, RemoteIoc> firstOf = new LinkedHashMap<>();
        found.forEach(ioc -> firstOf.putIfAbsent(ioc.identity(), ioc));
        foundUuids.forEach(
                (identity, uuids) -> {
                    RemoteIoc first = firstOf.get(identity);
                    merged.add(
                            new UploadedIoc(
                                    first.type(), first.value(), UploadedIoc.UNKNOWN_HASH, uuids));
                });
        return new IndicatorState(state.eventId(), merged, null);
    }

    private static Map<String, List<String>> byIdentity(List<RemoteIoc> found) {
        Map<String, List<String>> uuids = new LinkedHashMap<>();
        for (RemoteIoc ioc : found) {
            if (ioc.uuid() != null) {
                uuids.computeIfAbsent(ioc.identity(), key -> new ArrayList<>()).add(ioc.uuid());
            }
        }
        return uuids;
    }

    private static <T> CallResult<T> retype(CallResult<?> failed) {
        return new CallResult<>(
                null,
                failed.failure(),
                failed.failureClass(),
                failed.attempts(),
                failed.firstAttempt(),
                failed.lastAttempt(),
                failed.ambiguous());
    }
}
