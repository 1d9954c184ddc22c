package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2, second part: while the ingester is stopped, the platform trims its stream past the
 * ingester's position. The ingester reports the gap (a WARN and the {@code ctipipe_ingester_gaps}
 * counter). Without recover mode the trimmed events are lost. With {@code
 * CONNECTOR_LIVE_STREAM_RECOVER_UNTIL} still in force, the platform's snapshot brings back the
 * current state of every object changed in the gap; deletions in the gap cannot come back, since a
 * snapshot holds only the objects that still exist (shared/reference/opencti-stream.md, 3.5).
 */
class StreamTrimIT {
    private static final int DELETED_IN_GAP = 5;

    @Test
    void reportsTheGapAndLosesTheTrimmedEventsWithoutRecover() {
        try (PipelineRun run = PipelineRun.generated(301, 150, 2)) {
            run.start(SentinelOneEmulatorOptions.defaults(), Map.of());
            run.awaitDrained();
            run.env().stopService("ingester");

            GeneratedTraffic after = generate(303, Clock.systemUTC());
            appendGap(run, generate(302, Clock.systemUTC()));
            OpenCtiEmulator opencti = run.env().opencti();
            opencti.append(after.messages());
            opencti.trim(after.messages().size());
            run.env().startService("ingester", PipelineRun.quick(Map.of()));
            run.awaitDrained();

            assertThat(gaps(run)).isPositive();
            // The gap's Indicators never arrive; the ones deleted in the gap stay in SentinelOne.
            run.assertDelivered(Traffic.union(run.truth(), after.groundTruth()));
        }
    }

    @Test
    void recoverFillsTheGapExceptItsDeletions() {
        MovableClock platform = new MovableClock();
        Instant recoverUntil = Instant.now().plus(Duration.ofHours(1));
        Map<String, String> recover =
                Map.of("CONNECTOR_LIVE_STREAM_RECOVER_UNTIL", recoverUntil.toString());
        try (PipelineRun run = PipelineRun.generated(311, 150, 2)) {
            startWithPlatformClock(run, platform, recover);
            run.awaitDrained();
            run.env().stopService("ingester");

            // Ten minutes pass on the platform while the ingester is down; the gap's objects are
            // dated within them, after the stored position and before the recover date.
            platform.advance(Duration.ofMinutes(10));
            GeneratedTraffic gap =
                    generate(312, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(9)));
            appendGap(run, gap);
            run.env().opencti().trim(1);
            run.env().startService("ingester", PipelineRun.quick(Map.of()));
            run.awaitDrained();

            assertThat(gaps(run)).isPositive();
            // Every Indicator of the gap arrives; the ones deleted in the gap stay.
            run.assertDelivered(Traffic.union(run.truth(), gap.groundTruth()));
        }
    }

    private static void startWithPlatformClock(
            PipelineRun run, MovableClock clock, Map<String, String> overrides) {
        run.env().startBroker(PipelineRun.PARTITIONS);
        run.env()
                .useOpenCti(
                        OpenCtiEmulator.start(
                                OpenCtiEmulatorOptions.builder()
                                        .heartbeatPeriod(Duration.ofSeconds(1))
                                        .initialEvents(run.traffic().messages())
                                        .clock(clock)
                                        .build()));
        run.env().useSentinelOne(SentinelOneEmulator.start(SentinelOneEmulatorOptions.defaults()));
        run.env().startServices(PipelineRun.quick(overrides));
    }

    private static GeneratedTraffic generate(long seed, Clock clock) {
        return TrafficGenerator.seeded(seed)
                .indicators(Sizes.indicators(60))
                .plantedBad(1)
                .clock(clock)
                .generate();
    }

    /** Appends the gap's traffic, then deletes of a few Indicators already delivered. */
    private static void appendGap(PipelineRun run, GeneratedTraffic gap) {
        OpenCtiEmulator opencti = run.env().opencti();
        opencti.append(gap.messages());
        for (String id : Traffic.expectedIndicators(run.truth(), DELETED_IN_GAP)) {
            opencti.append(List.of(Traffic.delete(run.traffic(), id)));
        }
    }

    private static double gaps(PipelineRun run) {
        return Meters.sum(run.env().registry(), Meters.INGESTER_GAPS);
    }
}
