package io.ctipipe.ops.internals;

import java.util.OptionalLong;

/**
 * What a reset needs to know about one partition.
 *
 * @param committed the group's committed offset, empty when it never committed one
 * @param earliest the log start offset
 * @param latest the last stable offset (what a read_committed consumer can reach)
 * @param atTime the first offset at or after the reset time, empty when no record is that late or
 *     the reset is not by time
 */
public record PartitionPosition(
        int partition, OptionalLong committed, long earliest, long latest, OptionalLong atTime) {

    /** The offset moved into [earliest, latest], as kafka-consumer-groups does. */
    public long clamp(long offset) {
        return Math.max(earliest, Math.min(latest, offset));
    }
}
