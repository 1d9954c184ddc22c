package io.ctipipe.bench.internals;

/**
 * A service's memory at one instant, in bytes; -1 where it could not be read.
 *
 * @param heapUsed heap in use, garbage not yet collected included
 * @param liveData old-generation bytes left after the last major or concurrent collection
 * @param rss resident set size now
 * @param rssPeak the largest resident set size so far (VmHWM)
 */
record MemorySample(long heapUsed, long liveData, long rss, long rssPeak) {
    static final MemorySample UNKNOWN = new MemorySample(-1, -1, -1, -1);

    /** The larger of each figure. */
    MemorySample max(MemorySample other) {
        return new MemorySample(
                Math.max(heapUsed, other.heapUsed),
                Math.max(liveData, other.liveData),
                Math.max(rss, other.rss),
                Math.max(rssPeak, other.rssPeak));
    }
}
