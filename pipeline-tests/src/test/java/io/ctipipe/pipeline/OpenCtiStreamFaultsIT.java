package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.emulator.opencti.FaultPlan;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2, first part: the OpenCTI stream misbehaves while the ingester reads a backfill. Each
 * connection is cut every 250 messages in the middle of one, one connection goes silent (half-open)
 * and must be detected by the idle timeout, and the platform refuses the token for a few seconds.
 * The ingester resumes each time from its committed position: nothing lost, nothing repeated.
 */
class OpenCtiStreamFaultsIT {
    private static final int DROP_EVERY = 250;
    private static final Duration HALF_OPEN = Duration.ofSeconds(30);
    private static final Duration REFUSED = Duration.ofSeconds(3);

    @Test
    void deliversExactlyTheGroundTruthThroughDropsHalfOpenAnd401() {
        try (PipelineRun run = PipelineRun.generated(202, 400, 3)) {
            FaultPlan plan = new FaultPlan(DROP_EVERY, 120, HALF_OPEN, 0, Duration.ZERO, false);
            OpenCtiEmulator opencti = startOpenCti(run, plan);
            run.env().startServices(PipelineRun.quick(Map.of("INGESTER_IDLE_TIMEOUT", "4s")));

            run.awaitIngested(run.traffic().messages().size() / 2);
            opencti.faults().reject(401, REFUSED);
            opencti.faults().dropOpenConnections();
            run.awaitDrained();

            run.assertDelivered();
            MeterRegistry registry = run.env().registry();
            assertThat(Meters.reconnects(registry, "io-error")).isGreaterThanOrEqualTo(2);
            assertThat(Meters.reconnects(registry, "idle-timeout")).isPositive();
            assertThat(Meters.reconnects(registry, "http-401")).isPositive();
        }
    }

    private static OpenCtiEmulator startOpenCti(PipelineRun run, FaultPlan plan) {
        run.env().startBroker(PipelineRun.PARTITIONS);
        OpenCtiEmulator opencti =
                run.env()
                        .useOpenCti(
                                OpenCtiEmulator.start(
                                        OpenCtiEmulatorOptions.builder()
                                                .heartbeatPeriod(Duration.ofSeconds(1))
                                                .initialEvents(run.traffic().messages())
                                                .faults(plan)
                                                .build()));
        run.env().useSentinelOne(SentinelOneEmulator.start(SentinelOneEmulatorOptions.defaults()));
        return opencti;
    }
}
