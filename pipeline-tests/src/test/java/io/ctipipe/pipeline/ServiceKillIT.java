package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.emulator.sentinelone.RepeatMode;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 3: each service runs in a JVM of its own and is killed with SIGKILL several times at
 * random moments while traffic keeps arriving, then started again at once. SentinelOne creates a
 * new record for every POST here, so a single repeated upload would show as a duplicate.
 */
class ServiceKillIT {
    private static final Logger log = LoggerFactory.getLogger(ServiceKillIT.class);
    private static final List<String> SERVICES = List.of("ingester", "mapper", "sink");
    private static final Duration WINDOW = Duration.ofSeconds(24);

    /** A new schedule each run; the log line gives the seed to replay one (-Dkill.seed=N). */
    private static final long SEED = Long.getLong("kill.seed", System.nanoTime());

    @Test
    void losesAndDuplicatesNothingWhenEveryServiceIsKilledAtRandom() throws Exception {
        try (PipelineRun run = PipelineRun.generated(303, 600, 3)) {
            List<StreamMessage> messages = run.traffic().messages();
            int initial = messages.size() / 5;
            start(run, messages.subList(0, initial));
            Map<String, String> env = childEnvironment(run);
            List<KillSchedule.Kill> kills =
                    KillSchedule.draw(SEED, SERVICES, Sizes.kills(), WINDOW, Duration.ofSeconds(6));
            log.info("Kill schedule seed={} kills={}", SEED, kills);

            // Kept after the run, for a look at what each incarnation did.
            Path logs = Path.of("target", "service-logs", "kill");
            try (ChildServices children = new ChildServices(env, logs)) {
                SERVICES.forEach(children::start);
                feedAndKill(run.env().opencti(), messages, initial, kills, children);
                run.awaitDrainedFromStoredPosition();

                run.assertDelivered(run.truth(), "kill seed " + SEED);
                assertThat(children.started()).isEqualTo(SERVICES.size() * (1 + Sizes.kills()));
            }
        }
    }

    private static void start(PipelineRun run, List<StreamMessage> initial) {
        run.env().startBroker(PipelineRun.PARTITIONS);
        run.env()
                .useOpenCti(
                        OpenCtiEmulator.start(
                                OpenCtiEmulatorOptions.builder()
                                        .heartbeatPeriod(Duration.ofSeconds(1))
                                        .initialEvents(initial)
                                        .build()));
        run.env()
                .useSentinelOne(
                        SentinelOneEmulator.start(
                                SentinelOneEmulatorOptions.builder()
                                        .repeatMode(RepeatMode.NEW_RECORD)
                                        // Slow answers: a kill often lands mid-request.
                                        .latency(Duration.ofMillis(150))
                                        .build()));
    }

    /** Appends the rest of the traffic in slices over the window while the kills happen. */
    private static void feedAndKill(
            OpenCtiEmulator opencti,
            List<StreamMessage> messages,
            int from,
            List<KillSchedule.Kill> kills,
            ChildServices children)
            throws InterruptedException {
        long start = System.nanoTime();
        int slices = 24;
        int sliceSize = Math.max(1, (messages.size() - from) / slices);
        int next = from;
        int killIndex = 0;
        for (int slice = 1; slice <= slices; slice++) {
            Duration sliceAt = WINDOW.multipliedBy(slice).dividedBy(slices);
            while (killIndex < kills.size() && kills.get(killIndex).at().compareTo(sliceAt) <= 0) {
                KillSchedule.Kill kill = kills.get(killIndex++);
                FaultWindow.until(start, kill.at());
                children.killAndRestart(kill.service());
            }
            FaultWindow.until(start, sliceAt);
            int end =
                    slice == slices ? messages.size() : Math.min(messages.size(), next + sliceSize);
            opencti.append(messages.subList(next, end));
            next = end;
        }
    }

    private static Map<String, String> childEnvironment(PipelineRun run) {
        Map<String, String> env = new HashMap<>(run.env().variables());
        env.putAll(PipelineRun.QUICK);
        // A killed member never leaves its group: the broker notices after the session timeout.
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
        // A killed mapper's transaction blocks read_committed readers until it times out: a new
        // mapper has a new transactional id and cannot fence it.
        env.put("KAFKA_TRANSACTION_TIMEOUT_MS", "6000");
        // Long transactions: a kill often lands while one is open.
        env.put("INGESTER_TRANSACTION_LINGER", "2s");
        env.put("MAPPER_COMMIT_INTERVAL", "2s");
        return env;
    }
}
