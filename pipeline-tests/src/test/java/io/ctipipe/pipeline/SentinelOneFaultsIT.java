package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.emulator.sentinelone.Fault;
import io.ctipipe.emulator.sentinelone.Faults;
import io.ctipipe.emulator.sentinelone.RepeatMode;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1: a hostile SentinelOne. Every answer is drawn at random: 20% 503, 10% 429 (half with
 * Retry-After), 5% never answered, 2% connection resets. Each call is retried until it passes, so
 * nothing is lost and only the planted bad values are dead-lettered. SentinelOne creates a new
 * record for every POST here, so a repeated upload would show as a duplicate.
 */
class SentinelOneFaultsIT {
    private static final Map<String, String> PATIENT_SINK =
            Map.of(
                    // Short, so that each hung request costs little.
                    "SENTINELONE_TIMEOUT", "700ms",
                    // 0.37 ^ 15: no batch runs out of attempts by bad luck.
                    "SENTINELONE_MAX_API_ATTEMPTS", "15",
                    // Small batches: many requests, so every fault shows up many times.
                    "SENTINELONE_BATCH_SIZE", "40");

    @Test
    void deliversExactlyTheGroundTruthThroughErrorsHangsAndResets() {
        SentinelOneEmulatorOptions hostile =
                SentinelOneEmulatorOptions.builder()
                        .seed(11)
                        .repeatMode(RepeatMode.NEW_RECORD)
                        .latency(Duration.ofMillis(5))
                        .maxHang(Duration.ofSeconds(5))
                        .randomFault(Fault.status(503), 0.20)
                        .randomFault(Fault.tooManyRequests(Duration.ofSeconds(1)), 0.05)
                        .randomFault(Fault.tooManyRequests(null), 0.05)
                        .randomFault(Fault.hang(), 0.05)
                        .randomFault(Fault.reset(), 0.02)
                        .build();

        try (PipelineRun run = PipelineRun.generated(101, 250, 4)) {
            run.start(hostile, PATIENT_SINK);
            oneOfEach(run.env().sentinelOne().faults());
            run.awaitDrained();

            run.assertDelivered();
            assertThat(run.statusCounts())
                    .as("the emulator answered 503 and 429, and left requests unanswered")
                    .containsKeys(0, 429, 503);
        }
    }

    /** The first POSTs meet each fault once for sure, whatever the random draws. */
    private static void oneOfEach(Faults faults) {
        faults.enqueue("POST", Fault.status(503));
        faults.enqueue("POST", Fault.tooManyRequests(Duration.ofSeconds(1)));
        faults.enqueue("POST", Fault.tooManyRequests(null));
        faults.enqueue("POST", Fault.hang());
        faults.enqueue("POST", Fault.reset());
    }
}
