package io.ctipipe.contracts.stream;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in an OpenCTI live stream: a Redis stream id {@code <ms>-<seq>}. Compared as the pair
 * of numbers, never as strings. {@code 0-0} is the start of what the platform retains.
 */
public record StreamPosition(long millis, long sequence) implements Comparable<StreamPosition> {
    public static final StreamPosition START = new StreamPosition(0, 0);

    public StreamPosition {
        if (millis < 0 || sequence < 0) {
            throw new IllegalArgumentException("negative stream position");
        }
    }

    /** Parses {@code <ms>-<seq>}; throws IllegalArgumentException naming the bad text. */
    public static StreamPosition parse(String id) {
        Objects.requireNonNull(id, "id");
        int dash = id.indexOf('-');
        if (dash <= 0 || dash != id.lastIndexOf('-') || dash == id.length() - 1) {
            throw new IllegalArgumentException("not a stream id <ms>-<seq>: '" + id + "'");
        }
        try {
            long millis = Long.parseLong(id.substring(0, dash));
            long sequence = Long.parseLong(id.substring(dash + 1));
            return new StreamPosition(millis, sequence);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream id <ms>-<seq>: '" + id + "'", e);
        }
    }

    public static boolean isValid(String id) {
        try {
            parse(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static StreamPosition at(Instant instant) {
        return new StreamPosition(instant.toEpochMilli(), 0);
    }

    public Instant time() {
        return Instant.ofEpochMilli(millis);
    }

    public boolean isAfter(StreamPosition other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(StreamPosition other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
