package io.ctipipe.sink.internals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DELETEs a chunk of uuids (of several Indicators) by {@code filter.uuids} and the scope, never by
 * value, so an IOC with the same value from another source is never touched. When the call fails
 * for good, each Indicator concerned keeps those uuids and its command is dead-lettered.
 */
final class Deleter {
    static final String OPERATION = "delete";

    private final SentinelOneClient client;
    private final ApiCaller caller;
    private final SinkMetrics metrics;

    Deleter(SentinelOneClient client, ApiCaller caller, SinkMetrics metrics) {
        this.client = client;
        this.caller = caller;
        this.metrics = metrics;
    }

    /** One uuid to delete, with the Indicator work it belongs to. */
    record Item(IndicatorWork work, String uuid) {}

    void delete(List<Item> chunk, Cancellation cancellation) {
        List<String> uuids = chunk.stream().map(Item::uuid).toList();
        CallResult<Integer> result =
                caller.call(OPERATION, cancellation, () -> client.delete(uuids));
        if (result.ok()) {
            metrics.deleted(result.value());
            return;
        }
        if (result.failureClass() == FailureClass.FATAL) {
            throw new FatalSinkException(
                    "SentinelOne answered a DELETE with " + result.failure().getMessage(),
                    result.failure());
        }
        Map<IndicatorWork, List<String>> byWork = new LinkedHashMap<>();
        chunk.forEach(
                item ->
                        byWork.computeIfAbsent(item.work(), key -> new ArrayList<>())
                                .add(item.uuid()));
        byWork.forEach((work, kept) -> work.deleteFailed(kept, result));
    }
}
