package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeTextTest {

    @ParameterizedTest
    @CsvSource({
        "2026-03-03T14:00:00Z, 2026-03-03T14:00:00Z",
        "2026-03-03T16:00:00+02:00, 2026-03-03T14:00:00Z",
        "2026-03-03T14:00:00.250, 2026-03-03T14:00:00.250Z",
        "2026-03-03T14:00, 2026-03-03T14:00:00Z",
        "2026-03-03, 2026-03-03T00:00:00Z"
    })
    void readsTimesWithOrWithoutZoneAsUtc(String text, String expected) {
        assertThat(TimeText.instant(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"30m, PT30M", "2h, PT2H", "3d, PT72H", "90s, PT90S", "PT1H, PT1H", "p1dt2h, PT26H"})
    void readsIsoAndShortDurations(String text, String expected) {
        assertThat(TimeText.duration(text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void sinceTakesADurationAgoOrATime() {
        Instant now = Instant.parse("2026-03-03T14:00:00Z");

        assertThat(TimeText.sinceOrAgo("2h", now)).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(TimeText.sinceOrAgo("2026-03-01", now))
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void rejectsWhatIsNeitherWithTheAcceptedForms() {
        assertThatThrownBy(() -> TimeText.instant("yesterday"))
                .hasMessageContaining("expected an ISO-8601 time")
                .hasMessageContaining("'yesterday'");
        assertThatThrownBy(() -> TimeText.duration("-PT1H")).hasMessageContaining("PT1H, P1DT2H");
        assertThatThrownBy(() -> TimeText.sinceOrAgo("soon", Instant.EPOCH))
                .hasMessageContaining("or a duration ago");
    }

    @Test
    void printsAgesAndSpansCoarsely() {
        Instant now = Instant.parse("2026-03-03T14:00:00Z");

        assertThat(TimeText.ago(now.minusSeconds(42), now)).isEqualTo("42s ago");
        assertThat(TimeText.ago(now.minusSeconds(600), now)).isEqualTo("10m ago");
        assertThat(TimeText.ago(now.minusSeconds(3 * 86400), now)).isEqualTo("3d ago");
        assertThat(TimeText.span(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(TimeText.span(Duration.ofSeconds(1))).isEqualTo("1 s");
    }
}
