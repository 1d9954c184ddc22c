package io.ctipipe.bench.internals;

import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.StreamMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The latency phase: new Indicators appended to the live stream at a steady rate; each IOC's
 * latency runs from its event's stream id (the ms part) to its arrival at the emulator. The
 * messages that are not Indicators go along with the Indicator that follows them.
 */
final class SteadyRatePhase {
    private static final long TICK_MILLIS = 5;

    private final OpenCtiEmulator opencti;
    private final Arrivals arrivals;

    SteadyRatePhase(OpenCtiEmulator opencti, Arrivals arrivals) {
        this.opencti = opencti;
        this.arrivals = arrivals;
    }

    Result run(BenchTraffic traffic, int rate, Duration timeout) {
        List<StreamMessage> messages = traffic.messages();
        List<String> ids = messages.stream().map(BenchTraffic::indicatorId).toList();
        ArrivalLog log = arrivals.newPhase();

        long started = System.nanoTime();
        feed(messages, ids, rate, log, started);
        double fed = (System.nanoTime() - started) / 1e9;
        boolean complete = Waiting.until(() -> log.distinct() >= traffic.expectedIocs(), timeout);

        return new Result(traffic.indicators() / fed, log.latency(), log.distinct(), complete);
    }

    private void feed(
            List<StreamMessage> messages,
            List<String> ids,
            int rate,
            ArrivalLog log,
            long started) {
        int next = 0;
        long sent = 0;
        while (next < messages.size()) {
            long elapsed = System.nanoTime() - started;
            long due = 1 + elapsed * rate / TimeUnit.SECONDS.toNanos(1);
            while (next < messages.size() && (ids.get(next) == null || sent < due)) {
                StreamMessage message = messages.get(next);
                String id = opencti.append(message.event(), message.data());
                if (ids.get(next) != null) {
                    log.eventAt(ids.get(next), streamMillis(id));
                    sent++;
                }
                next++;
            }
            Waiting.pause(TICK_MILLIS);
        }
    }

    /** The ms part of a stream id {@code <ms>-<seq>}. */
    static long streamMillis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    /**
     * @param achievedRate Indicators per second actually appended
     * @param latency per IOC, event time to arrival
     * @param deliveredIocs IOCs that arrived
     * @param complete every expected IOC arrived
     */
    record Result(double achievedRate, LatencyStats latency, int deliveredIocs, boolean complete) {}
}
