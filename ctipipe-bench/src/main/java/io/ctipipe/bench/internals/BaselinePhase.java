package io.ctipipe.bench.internals;

import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import java.time.Duration;

/**
 * The baseline: a second sink configured like the original connector (one IOC per request, one
 * request at a time, no linger), with a memory of its own so that it uploads everything again, to a
 * second SentinelOne emulator with the same latency. It reads the same IOC topic as the pipeline
 * did, and is measured over a bounded sample from its first arrival, not over the whole backlog.
 */
final class BaselinePhase {
    private static final Duration FIRST_ARRIVAL_TIMEOUT = Duration.ofMinutes(2);

    private final BenchEnvironment env;

    BaselinePhase(BenchEnvironment env) {
        this.env = env;
    }

    Result run(Duration sample) {
        Arrivals arrivals = new Arrivals();
        ArrivalLog log = arrivals.newPhase();
        SentinelOneEmulator sentinelOne = env.startSentinelOne(arrivals);
        ServiceHandle sink =
                env.startService("sink", "sink-baseline", env.baselineVariables(sentinelOne));
        try {
            if (!Waiting.until(() -> log.distinct() > 0, FIRST_ARRIVAL_TIMEOUT)) {
                return new Result(0, 0);
            }
            long first = log.firstMillis();
            Waiting.pause(Math.max(0, first + sample.toMillis() - System.currentTimeMillis()));
            int count = log.distinct();
            double seconds = (System.currentTimeMillis() - first) / 1000.0;
            return new Result(count, seconds);
        } finally {
            sink.close();
            sentinelOne.close();
        }
    }

    /**
     * @param iocs IOCs that arrived in the sample
     * @param seconds length of the sample
     */
    record Result(int iocs, double seconds) {
        double iocsPerSecond() {
            return seconds > 0 ? iocs / seconds : 0;
        }
    }
}
