package io.ctipipe.cli.quickstart;

import io.ctipipe.cli.LogFile;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.GroundTruth;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.emulator.sentinelone.StoredIoc;
import io.ctipipe.ingester.StreamIngesterService;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The whole pipeline on one machine, verified: generated OpenCTI traffic goes through the embedded
 * broker and the three services into the SentinelOne emulator, which must end up holding exactly
 * the generator's ground truth.
 */
public final class Quickstart {
    private static final Duration POLL = Duration.ofMillis(250);

    private final QuickstartOptions options;
    private final PrintStream out;
    private final boolean terminal;

    public Quickstart(QuickstartOptions options, PrintStream out, boolean terminal) {
        this.options = options;
        this.out = out;
        this.terminal = terminal;
    }

    /** Runs, verifies, prints the summary; returns true when the run passed. */
    public boolean run(PipelineEnvironment env) throws Exception {
        Files.createDirectories(options.workDir());
        LogFile.redirectTo(options.logFile());

        GeneratedTraffic traffic = generate();
        startAll(env, traffic);

        ProgressDisplay progress = new ProgressDisplay(out, terminal);
        try (PipelineProbe probe = probe(env)) {
            boolean drained = awaitDrained(probe, progress);
            progress.finish();
            if (!drained) {
                out.println(
                        "The pipeline did not drain within "
                                + options.timeout().toSeconds()
                                + " s; see "
                                + options.logFile());
            }
            SummaryReport.Run run =
                    summarize(env, probe, progress.elapsed(), traffic.groundTruth());
            new SummaryReport(out).print(run);
            return drained && run.check().passed();
        }
    }

    private GeneratedTraffic generate() {
        step("Generating " + options.indicators() + " indicators (seed " + options.seed() + ")");
        GeneratedTraffic traffic =
                TrafficGenerator.seeded(options.seed())
                        .indicators(options.indicators())
                        .plantedBad(options.plantedBad())
                        .generate();
        traffic.groundTruth().writeJson(options.groundTruthFile());
        done(traffic.messages().size() + " stream messages");
        return traffic;
    }

    private void startAll(PipelineEnvironment env, GeneratedTraffic traffic) {
        step("Starting the embedded Kafka broker");
        done(env.startBroker(options.partitions()).bootstrapServers());
        step("Starting the OpenCTI stream emulator");
        done(env.startOpenCti(traffic).baseUrl());
        step("Starting the SentinelOne emulator");
        done(env.startSentinelOne(options).baseUrl());
        step("Starting stream-ingester, ioc-mapper-streams, sentinelone-sink");
        env.startServices();
        done("logs in " + options.logFile());
    }

    private PipelineProbe probe(PipelineEnvironment env) {
        return new PipelineProbe(
                env.broker().bootstrapServers(),
                env.registry(),
                () -> ingester(env).committedState(),
                env.opencti().lastEventId());
    }

    private static StreamIngesterService ingester(PipelineEnvironment env) {
        return (StreamIngesterService) env.service("ingester");
    }

    private boolean awaitDrained(PipelineProbe probe, ProgressDisplay progress)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        int drainedChecks = 0;
        while (System.nanoTime() < deadline) {
            progress.show(probe.counts());
            // Two drained checks in a row: a retry in flight can look drained for an instant.
            drainedChecks = probe.drained() ? drainedChecks + 1 : 0;
            if (drainedChecks >= 2) {
                progress.show(probe.counts());
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private SummaryReport.Run summarize(
            PipelineEnvironment env, PipelineProbe probe, Duration elapsed, GroundTruth truth) {
        List<IocIdentity> held =
                env.sentinelOne().storedIocs().stream().map(Quickstart::identity).toList();
        List<IocIdentity> deadLettered =
                DeadLetterReader.rejected(
                        env.broker().bootstrapServers(), Topics.defaults().iocsDlq());
        DeliveryCheck check =
                DeliveryCheck.compare(
                        identities(truth.expected()),
                        held,
                        identities(truth.rejected()),
                        deadLettered);
        return new SummaryReport.Run(
                options.indicators(),
                elapsed,
                probe.counts(),
                probe.mapperCountsBy("skipped", "reason"),
                env.sentinelOne().countsByStatus(),
                held.size(),
                deadLettered.size(),
                truth,
                check);
    }

    private static Set<IocIdentity> identities(Set<ExpectedIoc> iocs) {
        return iocs.stream()
                .map(ioc -> new IocIdentity(ioc.externalId(), ioc.type(), ioc.value()))
                .collect(Collectors.toSet());
    }

    private static IocIdentity identity(StoredIoc ioc) {
        return new IocIdentity(ioc.externalId(), ioc.type(), ioc.value());
    }

    private void step(String what) {
        out.print(what + " ... ");
        out.flush();
    }

    private void done(String detail) {
        out.println(detail);
    }
}
