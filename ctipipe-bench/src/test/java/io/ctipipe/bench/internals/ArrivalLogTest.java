package io.ctipipe.bench.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArrivalLogTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void countsAnIocSentTwiceOnceAndKeepsItsFirstArrival() {
        ArrivalLog log = new ArrivalLog();

        log.stored("indicator--1", "IPV4", "1.2.3.4", T0.plusMillis(10));
        log.stored("indicator--1", "IPV4", "1.2.3.4", T0.plusMillis(900));
        log.stored("indicator--1", "SHA256", "ab", T0.plusMillis(20));

        assertThat(log.distinct()).isEqualTo(2);
        assertThat(log.firstMillis()).isEqualTo(T0.toEpochMilli() + 10);
        assertThat(log.lastMillis()).isEqualTo(T0.toEpochMilli() + 20);
    }

    @Test
    void measuresLatencyFromTheEventTimeOfKnownIndicatorsOnly() {
        ArrivalLog log = new ArrivalLog();
        log.eventAt("indicator--1", T0.toEpochMilli());
        log.eventAt("indicator--2", T0.toEpochMilli() + 100);

        log.stored("indicator--1", "IPV4", "1.2.3.4", T0.plusMillis(300));
        log.stored("indicator--2", "DNS", "a.b", T0.plusMillis(600));
        log.stored("indicator--9", "DNS", "c.d", T0.plusMillis(5000));

        assertThat(log.latency()).isEqualTo(new LatencyStats(2, 300, 500, 500));
    }

    @Test
    void readsTheMillisecondsOfAStreamId() {
        assertThat(SteadyRatePhase.streamMillis("1796319135415-18")).isEqualTo(1796319135415L);
    }
}
