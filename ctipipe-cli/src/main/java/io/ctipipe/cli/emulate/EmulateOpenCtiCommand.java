package io.ctipipe.cli.emulate;

import io.ctipipe.emulator.opencti.FaultPlan;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ctipipe emulate opencti}: an OpenCTI live stream with generated or recorded traffic. */
@Command(
        name = "opencti",
        mixinStandardHelpOptions = true,
        description = {
            "Serve an OpenCTI live stream (GET /stream/{id}, /stream/live, POST /graphql) with"
                    + " generated Indicators (--generate) or recorded messages (--events).",
            "Faults can be injected from the start; the stream id, token and URL are printed."
        })
final class EmulateOpenCtiCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default 8080).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Bind address.")
    String host;

    @ArgGroup(exclusive = true)
    Traffic traffic = new Traffic();

    static final class Traffic {
        @Option(
                names = "--generate",
                paramLabel = "N",
                description = "Generate N Indicators with updates, revocations and deletions.")
        int generate;

        @Option(
                names = "--events",
                paramLabel = "FILE",
                description = "Replay recorded messages: JSON lines of {event, id, data}.")
        Path events;
    }

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default 1).")
    long seed;

    @Option(
            names = "--ground-truth",
            paramLabel = "FILE",
            description = "Write the IOCs SentinelOne should end up holding (JSON).")
    Path groundTruth;

    @Option(names = "--stream-id", description = "Live stream id served besides 'live'.")
    String streamId = OpenCtiEmulatorOptions.DEFAULT_STREAM_ID;

    @Option(names = "--token", description = "API token clients must send.")
    String token = OpenCtiEmulatorOptions.DEFAULT_TOKEN;

    @Option(names = "--heartbeat", defaultValue = "5s", description = "Heartbeat period.")
    String heartbeat;

    @Option(names = "--retention", defaultValue = "2000000", description = "Entries kept.")
    int retention;

    @Option(names = "--drop-every", description = "Drop connections every K messages.")
    int dropEvery;

    @Option(names = "--half-open-after", description = "Stop sending after K messages...")
    int halfOpenAfter;

    @Option(names = "--half-open-for", defaultValue = "0s", description = "...for this long.")
    String halfOpenFor;

    @Option(names = "--reject", description = "Answer this status (401, 410, 429, 500)...")
    int rejectStatus;

    @Option(names = "--reject-for", defaultValue = "0s", description = "...for this long.")
    String rejectFor;

    @Override
    public Integer call() throws Exception {
        List<StreamMessage> messages = messages();
        OpenCtiEmulatorOptions options =
                OpenCtiEmulatorOptions.builder()
                        .host(host)
                        .port(port)
                        .streamId(streamId)
                        .token(token)
                        .heartbeatPeriod(DurationText.parse(heartbeat))
                        .retention(retention)
                        .initialEvents(messages)
                        .faults(faultPlan())
                        .build();
        try (OpenCtiEmulator emulator = OpenCtiEmulator.start(options)) {
            describe(emulator, messages.size());
            new CountDownLatch(1).await();
        }
        return 0;
    }

    private List<StreamMessage> messages() {
        if (traffic.events != null) {
            return StreamMessage.readJsonLines(traffic.events);
        }
        if (traffic.generate <= 0) {
            return List.of();
        }
        GeneratedTraffic generated =
                TrafficGenerator.seeded(seed).indicators(traffic.generate).generate();
        if (groundTruth != null) {
            generated.groundTruth().writeJson(groundTruth);
        }
        return generated.messages();
    }

    private FaultPlan faultPlan() {
        Duration halfOpen = DurationText.parse(halfOpenFor);
        Duration reject = DurationText.parse(rejectFor);
        return new FaultPlan(dropEvery, halfOpenAfter, halfOpen, rejectStatus, reject, false);
    }

    private void describe(OpenCtiEmulator emulator, int messages) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "OpenCTI emulator at " + emulator.baseUrl() + " with " + messages + " messages");
        out.println("  OPENCTI_URL=" + emulator.baseUrl());
        out.println("  OPENCTI_TOKEN=" + emulator.token());
        out.println("  CONNECTOR_LIVE_STREAM_ID=" + emulator.streamId());
        out.println("Ctrl-C stops it.");
        out.flush();
    }
}
