package io.ctipipe.bench.internals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a JVM's {@code -Xlog:gc} file. The heap just before a collection is the peak
 * between two collections, so the largest "before" figure is the peak heap, exactly and at no cost
 * to the service (sampling {@code /metrics} often enough to catch peaks costs the service CPU); the
 * largest "after" figure is the most the service kept alive.
 */
final class GcLog {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)");

    private GcLog() {}

    /** The JVM option that writes the log this class reads. */
    static String option(Path file) {
        return "-Xlog:gc:file=" + file;
    }

    /** Peak heap before and largest heap after a collection, in bytes; -1 when unknown. */
    static MemorySample read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            return MemorySample.UNKNOWN;
        }
    }

    /** The heap after the last full collection in the log, in bytes; -1 when there was none. */
    static long afterLastFullGc(Path file) {
        try {
            return lastFull(Files.readAllLines(file));
        } catch (IOException e) {
            return -1;
        }
    }

    static long lastFull(List<String> lines) {
        long after = -1;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (line.contains("Pause Full") && pause.find()) {
                after = bytes(pause.group(3), pause.group(4));
            }
        }
        return after;
    }

    static MemorySample parse(List<String> lines) {
        long before = -1;
        long after = -1;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                before = Math.max(before, bytes(pause.group(1), pause.group(2)));
                after = Math.max(after, bytes(pause.group(3), pause.group(4)));
            }
        }
        return new MemorySample(before, after, -1, -1);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
