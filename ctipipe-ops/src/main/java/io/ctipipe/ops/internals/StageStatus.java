package io.ctipipe.ops.internals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A consuming stage (mapper or sink) at one moment.
 *
 * @param state the consumer group state (Stable, Empty, ...)
 * @param lastCommit the group's latest commit on the topic, null when unknown
 * @param commitTimesKnown whether the broker's offsets topic could be read at all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageStatus(
        String stage,
        String group,
        String topic,
        String state,
        int members,
        long lag,
        Instant lastCommit,
        boolean commitTimesKnown,
        List<PartitionStatus> partitions,
        boolean stuck,
        String verdict) {

    public StageStatus {
        partitions = List.copyOf(partitions);
    }

    public StageStatus withVerdict(StuckRule.Verdict verdict) {
        return new StageStatus(
                stage,
                group,
                topic,
                state,
                members,
                lag,
                lastCommit,
                commitTimesKnown,
                partitions,
                verdict.stuck(),
                verdict.text());
    }
}
