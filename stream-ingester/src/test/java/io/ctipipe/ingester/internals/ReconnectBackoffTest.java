package io.ctipipe.ingester.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void retriesAtOnceThenDoublesUpToTheCap() {
        ReconnectBackoff backoff =
                new ReconnectBackoff(
                        Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.999999);

        assertThat(backoff.next()).isZero();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(99));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(199));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(399));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(799));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(999));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(999));
    }

    @Test
    void drawsEachDelayFromTheUpperHalf() {
        ReconnectBackoff low =
                new ReconnectBackoff(Duration.ofMillis(400), Duration.ofSeconds(10), () -> 0.0);
        low.next();

        assertThat(low.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(low.slow(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void startsOverAfterAReset() {
        ReconnectBackoff backoff =
                new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5);
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isZero();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(75));
    }

    @Test
    void survivesVeryLongFailureStreaks() {
        ReconnectBackoff backoff =
                new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(60), () -> 0.5);
        Duration last = Duration.ZERO;

        for (int i = 0; i < 200; i++) {
            last = backoff.next();
        }

        assertThat(last).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
}
