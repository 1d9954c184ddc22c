package io.ctipipe.sink.internals;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records one upload cycle covers, coalesced: the latest command per Indicator with the state
 * remembered for it, the undecodable records, and the offsets to commit when the cycle is done.
 *
 * @param commands the winning command per Indicator
 * @param states the remembered state per Indicator id (absent: never seen)
 * @param undecodable records that are not IOC commands
 * @param superseded how many commands lost to a newer one of the same Indicator
 * @param offsets the next offset per partition, to commit with the result
 * @param firstOffsets the first offset per partition, to read again if the cycle is abandoned
 */
public record CycleInput(
        List<CommandRecord> commands,
        Map<String, IndicatorState> states,
        List<Coalescer.Undecodable> undecodable,
        int superseded,
        Map<TopicPartition, OffsetAndMetadata> offsets,
        Map<TopicPartition, Long> firstOffsets) {

    public IndicatorState state(String indicatorId) {
        return states.getOrDefault(indicatorId, IndicatorState.NONE);
    }

    public int recordCount() {
        return commands.size() + undecodable.size() + superseded;
    }
}
