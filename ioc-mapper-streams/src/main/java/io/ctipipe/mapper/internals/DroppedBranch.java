package io.ctipipe.mapper.internals;

import java.util.Objects;

/**
 * A comparison left out of an OR because its object, hash algorithm or value cannot be a
 * SentinelOne IOC, while other branches of the OR map. Leaving out a branch of an OR only narrows
 * what the IOCs match, so it never adds a false positive.
 *
 * @param reason why the comparison cannot be an IOC
 * @param comparison the comparison as pattern text, e.g. {@code ipv4-addr:value = '10.0.0.0/8'}
 */
public record DroppedBranch(SkipReason reason, String comparison) {
    public DroppedBranch {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(comparison, "comparison");
    }
}
