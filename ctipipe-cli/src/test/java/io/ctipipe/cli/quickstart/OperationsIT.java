package io.ctipipe.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.cli.Ctipipe;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.emulator.sentinelone.Fault;
import io.ctipipe.emulator.sentinelone.StoredIoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's bad days, against the whole pipeline: SentinelOne down, then a redrive; a replay
 * of the sink that must not duplicate; a re-send of everything to a wiped console.
 */
class OperationsIT {
    private static final Map<String, String> IMPATIENT_SINK =
            Map.of("SENTINELONE_MAX_API_ATTEMPTS", "2", "SINK_RETRY_BACKOFF", "50ms");

    @TempDir Path dir;
    private final PipelineEnvironment env = new PipelineEnvironment();
    private GeneratedTraffic traffic;
    private Path config;

    @AfterEach
    void stop() {
        env.close();
    }

    private void startPipeline() throws Exception {
        traffic = TrafficGenerator.seeded(11).indicators(150).plantedBad(0).generate();
        QuickstartOptions options =
                new QuickstartOptions(150, 0, 11, 2, 0, Duration.ZERO, Duration.ofSeconds(60), dir);
        env.startBroker(options.partitions());
        env.startOpenCti(traffic);
        env.startSentinelOne(options);
        config = dir.resolve("config.yml");
        Files.writeString(
                config, "kafka:\n  bootstrap.servers: " + env.broker().bootstrapServers() + "\n");
    }

    @Test
    void outageDeadLettersThenRedriveDeliversEverythingExactlyOnce() throws Exception {
        startPipeline();
        env.sentinelOne().faults().random(Fault.status(503), 1.0);
        env.startServices(IMPATIENT_SINK);
        awaitDrained();
        assertThat(env.sentinelOne().storedIocs()).isEmpty();

        env.sentinelOne().faults().clear();
        int redrive = Ctipipe.run("dlq", "redrive", "--config", config.toString());
        awaitDrained();
        List<StoredIoc> afterFirst = env.sentinelOne().storedIocs();
        int again = Ctipipe.run("dlq", "redrive", "--config", config.toString());
        awaitDrained();

        assertThat(redrive).isZero();
        assertThat(again).isZero();
        assertThat(identities(afterFirst)).isEqualTo(expected());
        assertThat(afterFirst).hasSize(expected().size());
        assertThat(env.sentinelOne().storedIocs()).hasSize(afterFirst.size());
    }

    @Test
    void sinkReplayFromEarliestSendsNothingAndResendSendsEverythingOnce() throws Exception {
        startPipeline();
        env.startServices();
        awaitDrained();
        long postsBefore = env.sentinelOne().requestCount("POST");

        env.stopService("sink");
        int replay = sinkReplay();
        env.startService("sink", Map.of());
        awaitDrained();
        long postsAfterReplay = env.sentinelOne().requestCount("POST");

        env.stopService("sink");
        env.sentinelOne().reset();
        int resend = sinkReplay("--resend");
        env.startService("sink", Map.of());
        awaitDrained();

        assertThat(replay).isZero();
        assertThat(resend).isZero();
        assertThat(postsAfterReplay).isEqualTo(postsBefore);
        assertThat(identities(env.sentinelOne().storedIocs())).isEqualTo(expected());
        assertThat(env.sentinelOne().storedIocs()).hasSize(expected().size());
    }

    private int sinkReplay(String... extra) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "replay",
                                "--stage",
                                "sink",
                                "--to-earliest",
                                "--execute",
                                "--config",
                                config.toString()));
        args.addAll(List.of(extra));
        // The group needs a moment to become empty after its member left.
        int[] code = new int[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> (code[0] = Ctipipe.run(args.toArray(String[]::new))) == 0);
        return code[0];
    }

    private void awaitDrained() throws Exception {
        try (PipelineProbe probe =
                new PipelineProbe(
                        env.broker().bootstrapServers(),
                        env.registry(),
                        () ->
                                ((io.ctipipe.ingester.StreamIngesterService)
                                                env.service("ingester"))
                                        .committedState(),
                        env.opencti().lastEventId())) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(300))
                    .until(probe::drained);
        }
    }

    private Set<IocIdentity> expected() {
        return traffic.groundTruth().expected().stream()
                .map(OperationsIT::identity)
                .collect(Collectors.toSet());
    }

    private static IocIdentity identity(ExpectedIoc ioc) {
        return new IocIdentity(ioc.externalId(), ioc.type(), ioc.value());
    }

    private static Set<IocIdentity> identities(List<StoredIoc> held) {
        return held.stream()
                .map(ioc -> new IocIdentity(ioc.externalId(), ioc.type(), ioc.value()))
                .collect(Collectors.toSet());
    }
}
