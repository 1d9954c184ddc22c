package io.ctipipe.pipeline;

import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.kafka.embedded.EmbeddedKafkaBroker;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 4: the broker stops for a few seconds in the middle of a backfill and starts again on
 * the same port with its data. Every service rides it out on its own: no restart, nothing lost,
 * nothing duplicated.
 */
class BrokerRestartIT {
    private static final Duration DOWN = Duration.ofSeconds(5);

    @Test
    void deliversExactlyTheGroundTruthAcrossABrokerRestart(@TempDir Path dir) throws Exception {
        int port = freePort();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dir.resolve("kafka"), false);
        try (PipelineRun run = PipelineRun.generated(401, 400, 3)) {
            run.env().useBroker(broker, dir.resolve("streams"), PipelineRun.PARTITIONS);
            run.env().startOpenCti(run.traffic());
            run.env()
                    .useSentinelOne(
                            SentinelOneEmulator.start(
                                    SentinelOneEmulatorOptions.builder()
                                            .latency(Duration.ofMillis(20))
                                            .build()));
            run.env().startServices(PipelineRun.quick(Map.of()));
            run.awaitIngested(run.traffic().messages().size() / 3);

            broker.close();
            FaultWindow.hold(DOWN);
            broker = EmbeddedKafkaBroker.start(port, dir.resolve("kafka"), false);
            run.awaitDrained();

            run.assertDelivered();
        } finally {
            broker.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
