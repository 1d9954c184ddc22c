package io.ctipipe.cli.quickstart;

import java.io.PrintStream;
import java.time.Duration;

/**
 * One live line of progress: rewritten in place on a terminal, printed every few seconds otherwise
 * (CI logs, pipes).
 */
final class ProgressDisplay {
    private static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPlainNanos;

    ProgressDisplay(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(PipelineProbe.Counts counts) {
        String line = render(counts, elapsed());
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
            return;
        }
        long now = System.nanoTime();
        if (now - lastPlainNanos >= PLAIN_INTERVAL.toNanos()) {
            out.println(line);
            lastPlainNanos = now;
        }
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String render(PipelineProbe.Counts c, Duration elapsed) {
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        return String.format(
                "%5.1fs  events %d (%.0f/s)  commands %d  IOCs uploaded %d deleted %d"
                        + "  skipped %d  dead-lettered %d  retries %d",
                seconds,
                c.eventsRead(),
                c.eventsRead() / seconds,
                c.upserts() + c.deletes(),
                c.iocsUploaded(),
                c.iocsDeleted(),
                c.skipped(),
                c.deadLettered(),
                c.retries());
    }
}
