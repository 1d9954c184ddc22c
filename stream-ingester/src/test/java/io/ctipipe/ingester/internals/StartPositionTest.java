package io.ctipipe.ingester.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.stream.StreamPosition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StartPositionTest {
    private final Clock clock =
            Clock.fixed(Instant.parse("2024-06-10T07:13:20.123Z"), ZoneOffset.UTC);

    @Test
    void resolvesEveryAcceptedForm() {
        assertThat(StartPosition.resolve("0-0", clock)).isEqualTo(StreamPosition.START);
        assertThat(StartPosition.resolve("0", clock)).isEqualTo(StreamPosition.START);
        assertThat(StartPosition.resolve("now", clock))
                .isEqualTo(StreamPosition.parse("1718003600123-0"));
        assertThat(StartPosition.resolve("2024-06-10T07:13:20.123Z", clock))
                .isEqualTo(StreamPosition.parse("1718003600123-0"));
        assertThat(StartPosition.resolve("2024-06-10", clock))
                .isEqualTo(StreamPosition.parse("1717977600000-0"));
        assertThat(StartPosition.resolve("1718003600123-7", clock))
                .isEqualTo(StreamPosition.parse("1718003600123-7"));
    }

    @Test
    void refusesABareMillisecondNumberWhichThePlatformWouldIgnore() {
        assertThat(StartPosition.isValidStart("1718003600123")).isFalse();
        assertThat(StartPosition.isValidStart("yesterday")).isFalse();
        assertThat(StartPosition.isValidStart("NOW")).isTrue();
    }

    @Test
    void recoverIsOffUnlessADateOrNowIsGiven() {
        assertThat(StartPosition.recoverUntil(null, clock)).isEmpty();
        assertThat(StartPosition.recoverUntil("now", clock)).contains(clock.instant());
        assertThat(StartPosition.recoverUntil("2024-01-01T00:00:00Z", clock))
                .contains(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(StartPosition.isValidDate("0-0")).isFalse();
    }
}
