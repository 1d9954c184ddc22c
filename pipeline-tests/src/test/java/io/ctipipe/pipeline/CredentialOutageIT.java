package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: both platforms refuse the credentials for a while (401) just as new traffic arrives:
 * OpenCTI for two seconds, SentinelOne for longer, so that the sink meets the refusal with work in
 * hand. The sink reports it on /health, nothing is dead-lettered, and everything is delivered once
 * the credentials work again.
 */
class CredentialOutageIT {
    private static final Duration OPENCTI_OUTAGE = Duration.ofSeconds(2);
    private static final Duration SENTINELONE_OUTAGE = Duration.ofSeconds(6);

    @Test
    void deadLettersNothingDuringA401OutageAndDeliversEverythingAfter() {
        try (PipelineRun run = PipelineRun.generated(501, 100, 2)) {
            run.start(SentinelOneEmulatorOptions.defaults(), Map.of());
            run.awaitDrained();
            GeneratedTraffic more =
                    TrafficGenerator.seeded(502)
                            .indicators(Sizes.indicators(100))
                            .plantedBad(1)
                            .generate();

            run.env().sentinelOne().faults().authOutage(SENTINELONE_OUTAGE);
            run.env().opencti().faults().reject(401, OPENCTI_OUTAGE);
            run.env().opencti().faults().dropOpenConnections();
            run.env().opencti().append(more.messages());

            await("the sink reports the refused credentials")
                    .atMost(SENTINELONE_OUTAGE)
                    .until(() -> !ServiceHealth.up(port(run, "sink")));
            run.awaitDrained();

            run.assertDelivered(Traffic.union(run.truth(), more.groundTruth()));
            assertThat(run.statusCounts()).containsKey(401);
            assertThat(Meters.reconnects(run.env().registry(), "http-401")).isPositive();
            assertThat(ServiceHealth.up(port(run, "sink"))).isTrue();
            assertThat(ServiceHealth.up(port(run, "ingester"))).isTrue();
        }
    }

    private static int port(PipelineRun run, String service) {
        return run.env().metricsPort(service);
    }
}
