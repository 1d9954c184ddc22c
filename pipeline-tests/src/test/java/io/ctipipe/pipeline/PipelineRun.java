package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.cli.quickstart.PipelineEnvironment;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.GroundTruth;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * One whole-pipeline scenario on a {@link PipelineEnvironment}: generated traffic in the OpenCTI
 * emulator, a SentinelOne emulator, a real broker and the three services; then the wait until the
 * pipeline has drained and the comparison of SentinelOne with the generator's ground truth.
 */
final class PipelineRun implements AutoCloseable {
    static final int PARTITIONS = 4;

    /** Settings that keep the tests short: quick retries and reconnects, fast state heartbeats. */
    static final Map<String, String> QUICK =
            Map.of(
                    "SINK_AUTH_RETRY_INTERVAL", "500ms",
                    "SINK_RETRY_BACKOFF", "100ms",
                    "SINK_RETRY_MAX_BACKOFF", "1s",
                    "INGESTER_AUTH_RETRY_INTERVAL", "500ms",
                    "INGESTER_RECONNECT_MIN_BACKOFF", "100ms",
                    "INGESTER_RECONNECT_MAX_BACKOFF", "1s",
                    "INGESTER_STATE_HEARTBEAT_INTERVAL", "1s",
                    "INGESTER_CLOCK_SKEW_MARGIN", "1s");

    private final PipelineEnvironment env = new PipelineEnvironment();
    private final GeneratedTraffic traffic;

    PipelineRun(GeneratedTraffic traffic) {
        this.traffic = traffic;
    }

    /** Traffic of this many Indicators (scaled for soak runs) with planted bad ones. */
    static PipelineRun generated(long seed, int ciIndicators, int planted) {
        GeneratedTraffic traffic =
                TrafficGenerator.seeded(seed)
                        .indicators(Sizes.indicators(ciIndicators))
                        .plantedBad(planted)
                        .generate();
        return new PipelineRun(traffic);
    }

    PipelineEnvironment env() {
        return env;
    }

    GeneratedTraffic traffic() {
        return traffic;
    }

    GroundTruth truth() {
        return traffic.groundTruth();
    }

    /** Broker, both emulators and the three services, with these variables over QUICK. */
    PipelineRun start(SentinelOneEmulatorOptions sentinelOne, Map<String, String> overrides) {
        env.startBroker(PARTITIONS);
        env.startOpenCti(traffic);
        env.useSentinelOne(SentinelOneEmulator.start(sentinelOne));
        env.startServices(quick(overrides));
        return this;
    }

    static Map<String, String> quick(Map<String, String> overrides) {
        Map<String, String> variables = new HashMap<>(QUICK);
        variables.putAll(overrides);
        return variables;
    }

    /** Waits until the in-process ingester has committed this many events. */
    void awaitIngested(long events) {
        await("events ingested")
                .atMost(Sizes.drainTimeout())
                .until(() -> Meters.sum(env.registry(), Meters.INGESTER_EVENTS) >= events);
    }

    /** Waits until the in-process ingester has read everything and no stage has work left. */
    void awaitDrained() {
        awaitDrained(env::drained);
    }

    /** The same, reading the ingester position from the state topic (any process). */
    void awaitDrainedFromStoredPosition() {
        Supplier<Optional<IngesterState>> stored =
                new StoredPosition(env.broker().bootstrapServers(), env.opencti().streamId());
        awaitDrained(() -> env.drained(stored));
    }

    private void awaitDrained(Callable<Boolean> drained) {
        // drained() also waits for a transaction left open (a killed service's): until the broker
        // aborts it, read_committed readers see nothing past it. Drained for a whole second: a
        // retry in flight can look drained for an instant.
        await("pipeline drained")
                .atMost(Sizes.drainTimeout())
                .pollInterval(Duration.ofMillis(250))
                .during(Duration.ofSeconds(1))
                .until(drained);
    }

    /** SentinelOne holds exactly the expected IOCs; dead letters are exactly the planted ones. */
    void assertDelivered() {
        assertDelivered(truth());
    }

    void assertDelivered(GroundTruth expected) {
        assertDelivered(expected, "");
    }

    /** The same, with context for the failure message and, on failure, a stage audit. */
    void assertDelivered(GroundTruth expected, String context) {
        List<String> differences = env.differences(expected);
        String audit = differences.isEmpty() ? "" : StageAudit.describe(this, differences);
        if (!differences.isEmpty()) {
            // A second look tells a late stage (the drain check came too early) from a loss.
            try {
                FaultWindow.hold(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            audit += "\nten seconds later: " + env.differences(expected);
        }
        assertThat(differences)
                .as(
                        "differences from the ground truth %s(status counts %s)%n%s",
                        context, statusCounts(), audit)
                .isEmpty();
    }

    Map<Integer, Long> statusCounts() {
        return env.sentinelOne().countsByStatus();
    }

    @Override
    public void close() {
        env.close();
    }
}
