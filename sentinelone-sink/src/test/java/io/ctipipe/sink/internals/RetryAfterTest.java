package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("7", clock)).hasValue(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 0 ", clock)).hasValue(Duration.ZERO);
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:30 GMT", clock))
                .hasValue(Duration.ofSeconds(30));
    }

    @Test
    void treatsAPastDateAsNoWait() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", clock))
                .hasValue(Duration.ZERO);
    }

    @Test
    void ignoresAbsentOrUnreadableHeaders() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
    }
}
