package io.ctipipe.bench.internals;

import java.util.Arrays;

/** A growing array of millisecond samples, safe to add to from several threads. */
final class LatencySamples {
    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long millis) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = millis;
    }

    synchronized long[] toArray() {
        return Arrays.copyOf(samples, size);
    }
}
