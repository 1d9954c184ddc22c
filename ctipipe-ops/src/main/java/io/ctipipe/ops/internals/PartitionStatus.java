package io.ctipipe.ops.internals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One partition of a stage's input topic.
 *
 * @param committed the group's committed offset, null when it never committed
 * @param end the last stable offset
 * @param lastCommit when the group last committed this partition, null when unknown
 * @param oldestWaiting the timestamp of the first record not yet processed, null without lag
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartitionStatus(
        int partition,
        Long committed,
        long end,
        long lag,
        Instant lastCommit,
        Instant oldestWaiting) {}
