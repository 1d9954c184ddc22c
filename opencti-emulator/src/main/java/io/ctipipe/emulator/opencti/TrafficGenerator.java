package io.ctipipe.emulator.opencti;

import io.ctipipe.emulator.opencti.internals.TrafficScript;
import java.time.Clock;

/**
 * Realistic OpenCTI traffic from a seed: the same seed and settings give the same messages. N
 * Indicators of every kind a platform carries (IPv4, IPv6, domains, hostnames, URLs, MD5, SHA-1,
 * SHA-256, multi-hash files, OR lists, CIDRs, SHA-512 only, YARA and Sigma), malware and
 * relationships, then score, label and validity updates, revocations and un-revocations, pattern
 * changes, deletions and merges; plus a few planted Indicators whose empty-file hash SentinelOne
 * rejects.
 */
public final class TrafficGenerator {
    private final long seed;
    private final int indicators;
    private final int plantedBad;
    private final int merges;
    private final Clock clock;
    private final boolean changes;

    private TrafficGenerator(
            long seed, int indicators, int plantedBad, int merges, Clock clock, boolean changes) {
        this.seed = seed;
        this.indicators = indicators;
        this.plantedBad = plantedBad;
        this.merges = merges;
        this.clock = clock;
        this.changes = changes;
    }

    /** 100 indicators, 3 planted bad ones, 2 merges, the system clock. */
    public static TrafficGenerator seeded(long seed) {
        return new TrafficGenerator(seed, 100, 3, 2, Clock.systemUTC(), true);
    }

    public TrafficGenerator indicators(int count) {
        return new TrafficGenerator(seed, count, plantedBad, merges, clock, changes);
    }

    /** Planted bad Indicators, 0 to 12. */
    public TrafficGenerator plantedBad(int count) {
        return new TrafficGenerator(seed, indicators, count, merges, clock, changes);
    }

    public TrafficGenerator merges(int count) {
        return new TrafficGenerator(seed, indicators, plantedBad, count, clock, changes);
    }

    /** The clock that dates the traffic; expiry in the ground truth is judged against it. */
    public TrafficGenerator clock(Clock value) {
        return new TrafficGenerator(seed, indicators, plantedBad, merges, value, changes);
    }

    /**
     * Only the creations (markings, authors, Indicators, malware and relationships): no updates,
     * deletions or merges. A backfill as a first start sees it, and it generates in linear time at
     * any size, where the updates cost time that grows with the square of the Indicator count.
     */
    public TrafficGenerator createsOnly() {
        return new TrafficGenerator(seed, indicators, plantedBad, 0, clock, false);
    }

    public GeneratedTraffic generate() {
        return new TrafficScript(seed, clock.instant(), indicators)
                .run(indicators, plantedBad, changes ? merges : 0, changes);
    }
}
