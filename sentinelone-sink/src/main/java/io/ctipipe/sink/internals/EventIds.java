package io.ctipipe.sink.internals;

import java.util.Comparator;

/**
 * Orders the eventIds of one Indicator's commands. They are OpenCTI stream ids, {@code <ms>-<seq>},
 * compared as two numbers; anything else falls back to text order.
 */
public final class EventIds {
    public static final Comparator<String> ORDER = EventIds::compare;

    private EventIds() {}

    static int compare(String left, String right) {
        long[] a = parse(left);
        long[] b = parse(right);
        if (a == null || b == null) {
            return left.compareTo(right);
        }
        int byTime = Long.compare(a[0], b[0]);
        return byTime != 0 ? byTime : Long.compare(a[1], b[1]);
    }

    /** Whether a command with this eventId is newer than what was applied; unknowns apply. */
    public static boolean isNewer(String candidate, String applied) {
        if (candidate == null || applied == null) {
            return true;
        }
        return compare(candidate, applied) > 0;
    }

    private static long[] parse(String eventId) {
        int dash = eventId.indexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            long time = Long.parseLong(eventId.substring(0, dash));
            long sequence = Long.parseLong(eventId.substring(dash + 1));
            return new long[] {time, sequence};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
