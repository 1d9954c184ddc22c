package io.ctipipe.cli.quickstart;

import io.ctipipe.emulator.opencti.GroundTruth;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** The table the quickstart ends with: what each stage did, and the verdict. */
final class SummaryReport {
    private final PrintStream out;

    SummaryReport(PrintStream out) {
        this.out = out;
    }

    void print(Run run) {
        PipelineProbe.Counts c = run.counts();
        double seconds = Math.max(0.001, run.elapsed().toMillis() / 1000.0);
        out.println();
        row("stage", "what", "count");
        row("-----", "----", "-----");
        row("ingester", "events read from the stream", c.eventsRead());
        row("mapper", "upsert commands", c.upserts());
        row("mapper", "delete commands", c.deletes());
        run.skippedByReason().forEach((reason, n) -> row("mapper", "skipped: " + reason, n));
        row("sink", "IOCs uploaded", c.iocsUploaded());
        row("sink", "IOCs deleted", c.iocsDeleted());
        row("sink", "API retries (429, 503, ...)", c.retries());
        row("sink", "commands dead-lettered", c.deadLettered());
        run.statusCounts().forEach((status, n) -> row("SentinelOne", "answers " + status, n));
        row("SentinelOne", "IOCs held at the end", run.held());
        out.println();
        out.printf(
                "%d indicators, %d events in %.1f s: %.0f events/s end to end%n",
                run.indicators(), c.eventsRead(), seconds, c.eventsRead() / seconds);
        printVerdict(run);
    }

    private void printVerdict(Run run) {
        GroundTruth truth = run.truth();
        DeliveryCheck check = run.check();
        out.printf(
                "Ground truth: %d IOCs expected, %d held; %d planted bad values, %d"
                        + " dead-lettered%n",
                truth.expected().size(), run.held(), truth.rejected().size(), run.deadLettered());
        if (check.passed()) {
            out.println(
                    "PASSED: SentinelOne holds exactly the expected IOCs (none missing, none"
                            + " extra, no duplicate)");
            out.println("and every planted bad value was dead-lettered.");
        } else {
            out.println("FAILED:");
            check.describe().forEach(line -> out.println("  " + line));
        }
    }

    private void row(String stage, String what, Object count) {
        out.printf("  %-12s %-36s %10s%n", stage, what, count);
    }

    /** Everything the report needs from one run. */
    record Run(
            int indicators,
            Duration elapsed,
            PipelineProbe.Counts counts,
            Map<String, Long> skippedByReason,
            Map<Integer, Long> statusCounts,
            int held,
            int deadLettered,
            GroundTruth truth,
            DeliveryCheck check) {}
}
