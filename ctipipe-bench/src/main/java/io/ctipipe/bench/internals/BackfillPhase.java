package io.ctipipe.bench.internals;

import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The backfill: the whole creates-only traffic is in the stream before the ingester starts; the
 * clock runs from the moment the ingester's stream connection opens (the first byte of the stream)
 * to the arrival of the last IOC at the SentinelOne emulator.
 */
final class BackfillPhase {
    private static final Duration PROGRESS = Duration.ofSeconds(5);

    private final OpenCtiEmulator opencti;
    private final Arrivals arrivals;
    private final PrintStream out;

    BackfillPhase(OpenCtiEmulator opencti, Arrivals arrivals, PrintStream out) {
        this.opencti = opencti;
        this.arrivals = arrivals;
        this.out = out;
    }

    /**
     * @param indicators Indicators in the stream
     * @param expectedIocs IOCs they give
     * @param startIngester starts the ingester, which reads the stream from its start
     */
    Result run(int indicators, int expectedIocs, Runnable startIngester, Duration timeout) {
        ArrivalLog log = arrivals.newPhase();
        startIngester.run();
        Waiting.until(() -> opencti.openConnections() > 0, timeout);
        long start = System.currentTimeMillis();

        Supplier<String> progress =
                () -> String.format("  backfill: %d of %d IOCs", log.distinct(), expectedIocs);
        boolean complete =
                Waiting.until(
                        () -> log.distinct() >= expectedIocs,
                        timeout,
                        PROGRESS,
                        () -> out.println(progress.get()));

        long last = log.lastMillis() == 0 ? System.currentTimeMillis() : log.lastMillis();
        return new Result(indicators, expectedIocs, log.distinct(), start, last, complete);
    }

    /**
     * @param startMillis when the ingester's stream connection was seen open
     * @param lastMillis when the last IOC arrived
     */
    record Result(
            int indicators,
            int expectedIocs,
            int deliveredIocs,
            long startMillis,
            long lastMillis,
            boolean complete) {
        double seconds() {
            return Math.max(1, lastMillis - startMillis) / 1000.0;
        }

        double throughput() {
            return indicators * ((double) deliveredIocs / Math.max(1, expectedIocs)) / seconds();
        }

        double iocsPerSecond() {
            return deliveredIocs / seconds();
        }
    }
}
