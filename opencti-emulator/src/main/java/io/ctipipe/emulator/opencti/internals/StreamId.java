package io.ctipipe.emulator.opencti.internals;

import java.time.Instant;

/**
 * A Redis stream entry id {@code <ms>-<seq>}, compared as the pair of numbers. The emulator keeps
 * its own copy rather than depending on the services' shared contracts.
 */
public record StreamId(long millis, long sequence) implements Comparable<StreamId> {
    public static final StreamId ZERO = new StreamId(0, 0);

    /** Parses {@code <ms>-<seq>}; throws IllegalArgumentException otherwise. */
    public static StreamId parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash != text.lastIndexOf('-') || dash == text.length() - 1) {
            throw new IllegalArgumentException("not a stream id: " + text);
        }
        long millis = Long.parseLong(text.substring(0, dash));
        long sequence = Long.parseLong(text.substring(dash + 1));
        if (millis < 0 || sequence < 0) {
            throw new IllegalArgumentException("negative stream id: " + text);
        }
        return new StreamId(millis, sequence);
    }

    public static StreamId at(Instant instant) {
        return new StreamId(instant.toEpochMilli(), 0);
    }

    public Instant time() {
        return Instant.ofEpochMilli(millis);
    }

    public boolean isAfter(StreamId other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(StreamId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
