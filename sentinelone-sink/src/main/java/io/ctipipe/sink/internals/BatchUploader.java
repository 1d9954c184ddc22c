package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.Ioc;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs one batch and records the outcome of every item. A 400 that names items: those are rejected
 * and the rest is sent again at once. A 400 that names nothing: the batch is cut in halves until
 * the bad items are alone. Retries exhausted: every item fails. The created objects are matched to
 * the items by type, value and externalId, not by position.
 */
final class BatchUploader {
    private static final Logger log = LoggerFactory.getLogger(BatchUploader.class);
    static final String OPERATION = "create";

    private final SentinelOneClient client;
    private final ApiCaller caller;
    private final SinkMetrics metrics;

    BatchUploader(SentinelOneClient client, ApiCaller caller, SinkMetrics metrics) {
        this.client = client;
        this.caller = caller;
        this.metrics = metrics;
    }

    void upload(List<BatchItem> items, Cancellation cancellation) {
        List<Ioc> iocs = items.stream().map(BatchItem::ioc).toList();
        CallResult<List<RemoteIoc>> result =
                caller.call(OPERATION, cancellation, () -> client.create(iocs));
        if (result.ok()) {
            metrics.batch("accepted");
            metrics.uploaded(items.size());
            assign(items, result);
            return;
        }
        switch (result.failureClass()) {
            case REJECTED -> rejected(items, result, cancellation);
            case RETRIABLE -> exhausted(items, result);
            default ->
                    throw new FatalSinkException(
                            "SentinelOne answered a POST with " + result.failure().getMessage(),
                            result.failure());
        }
    }

    private static void assign(List<BatchItem> items, CallResult<List<RemoteIoc>> result) {
        Map<String, Deque<String>> uuids = new HashMap<>();
        for (RemoteIoc created : result.value()) {
            if (created.uuid() != null) {
                uuids.computeIfAbsent(created.matchKey(), key -> new ArrayDeque<>())
                        .add(created.uuid());
            }
        }
        for (BatchItem item : items) {
            Deque<String> found = uuids.get(item.matchKey());
            String uuid = found == null ? null : found.size() > 1 ? found.poll() : found.peek();
            List<String> assigned = uuid == null ? List.of() : List.of(uuid);
            item.work().accepted(item.ioc(), assigned, result.ambiguous());
        }
    }

    private void rejected(
            List<BatchItem> items, CallResult<List<RemoteIoc>> result, Cancellation cancellation) {
        metrics.batch("rejected");
        Set<String> named = RejectedItems.parse(result.body());
        List<BatchItem> bad = items.stream().filter(i -> named.contains(i.rejectionKey())).toList();
        if (!bad.isEmpty()) {
            log.warn(
                    "SentinelOne rejected items batchSize={} rejected={}",
                    items.size(),
                    bad.size());
            bad.forEach(item -> item.work().rejected(item.ioc(), result));
            List<BatchItem> rest = items.stream().filter(i -> !bad.contains(i)).toList();
            if (!rest.isEmpty()) {
                upload(rest, cancellation);
            }
        } else if (items.size() == 1) {
            items.get(0).work().rejected(items.get(0).ioc(), result);
        } else {
            log.warn(
                    "SentinelOne rejected a batch naming no item; bisecting batchSize={}",
                    items.size());
            int half = items.size() / 2;
            upload(items.subList(0, half), cancellation);
            upload(items.subList(half, items.size()), cancellation);
        }
    }

    private void exhausted(List<BatchItem> items, CallResult<List<RemoteIoc>> result) {
        metrics.batch("exhausted");
        log.warn(
                "Gave up a batch batchSize={} attempts={} cause={}",
                items.size(),
                result.attempts(),
                FailureClassifier.cause(result.failure()));
        items.forEach(item -> item.work().exhausted(result));
    }
}
