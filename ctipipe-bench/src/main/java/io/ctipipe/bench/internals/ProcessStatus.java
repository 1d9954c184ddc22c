package io.ctipipe.bench.internals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident memory and CPU time of a process from {@code /proc} (Linux). */
final class ProcessStatus {
    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every common Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessStatus() {}

    /** VmRSS and VmHWM in bytes; -1 each where /proc cannot be read. */
    static long[] residentBytes(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return new long[] {field(lines, "VmRSS:"), field(lines, "VmHWM:")};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** User plus system CPU time in ms, or -1. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                String[] words = line.substring(name.length()).trim().split("\\s+");
                return Long.parseLong(words[0]) * 1024;
            }
        }
        return -1;
    }
}
