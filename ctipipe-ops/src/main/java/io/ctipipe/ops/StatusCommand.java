package io.ctipipe.ops;

import io.ctipipe.ops.internals.OpsClients;
import io.ctipipe.ops.internals.OpsJson;
import io.ctipipe.ops.internals.StatusProbe;
import io.ctipipe.ops.internals.StatusReport;
import io.ctipipe.ops.internals.StatusText;
import io.ctipipe.ops.internals.TopicReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ctipipe status}: lag, last commits, ingester position, dead-letter depth. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Per stage: consumer lag per partition and in total, group state, last commit time"
                    + " (read from __consumer_offsets; 'unknown' when the cluster does not allow"
                    + " it) and since when the oldest waiting record waits. The ingester's stored"
                    + " stream position and when it was written (its lag behind OpenCTI is not"
                    + " known here). Dead-letter and skipped depths (end minus start offsets).",
            "",
            "Exit code "
                    + StatusCommand.STUCK
                    + " when a stage is stuck, so it can serve as a"
                    + " health check:",
            "  with --watch-seconds N: lag > 0 and no committed offset moved in N seconds;",
            "  otherwise: work has waited longer than STATUS_STUCK_AFTER (default 5m) with no"
                    + " commit in that time (when commit times are unknown: and the group has no"
                    + " active member);",
            "  the ingester: its position not written for STATUS_STUCK_AFTER."
        })
public final class StatusCommand implements Callable<Integer> {
    /** The exit code when a stage is stuck; errors exit with 1 or 2. */
    public static final int STUCK = 3;

    @Spec CommandSpec spec;

    @Mixin ConfigOption config;

    @Option(names = "--json", description = "One JSON document instead of tables.")
    boolean json;

    @Option(
            names = "--watch-seconds",
            paramLabel = "N",
            defaultValue = "0",
            description = "Look twice, N seconds apart, and call stuck what made no progress.")
    int watchSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (watchSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--watch-seconds must be 0 or more");
        }
        OpsConfig ops = config.load();
        StatusProbe.Settings settings =
                new StatusProbe.Settings(
                        ops.topics(),
                        ops.mapperGroup(),
                        ops.sinkGroup(),
                        ops.streamId(),
                        ops.stuckAfter(),
                        Duration.ofSeconds(watchSeconds));
        StatusReport report;
        try (Admin admin = OpsClients.admin(ops.kafka());
                TopicReader reader =
                        new TopicReader(
                                OpsClients.readerConfig(ops.kafka(), "ctipipe-ops-status"))) {
            report =
                    new StatusProbe(admin, reader, Clock.systemUTC())
                            .report(settings, duration -> Thread.sleep(duration.toMillis()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? OpsJson.line(report) + "\n" : StatusText.render(report));
        out.flush();
        return report.stuck() ? STUCK : 0;
    }
}
