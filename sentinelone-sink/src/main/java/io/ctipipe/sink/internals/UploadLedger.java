package io.ctipipe.sink.internals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory copy of the sink-state topic for the partitions this instance owns, by partition
 * then Indicator id. Only the consumer thread touches it. It holds every Indicator of those
 * partitions, about 500 bytes each with one IOC (measured), so a million Indicators need about 500
 * MB of heap, spread over the instances that share the partitions.
 */
final class UploadLedger {
    private final Map<Integer, Map<String, IndicatorState>> byPartition = new HashMap<>();

    IndicatorState get(int partition, String indicatorId) {
        Map<String, IndicatorState> states = byPartition.get(partition);
        IndicatorState state = states == null ? null : states.get(indicatorId);
        return state == null ? IndicatorState.NONE : state;
    }

    void restored(Map<Integer, Map<String, IndicatorState>> partitions) {
        byPartition.putAll(partitions);
    }

    /** Applies updates to the partitions still owned. */
    void apply(List<StateUpdate> updates) {
        for (StateUpdate update : updates) {
            Map<String, IndicatorState> states = byPartition.get(update.partition());
            if (states != null) {
                states.put(update.indicatorId(), update.state());
            }
        }
    }

    void drop(int partition) {
        byPartition.remove(partition);
    }
}
