package io.ctipipe.contracts.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void comparesAsNumbersNotAsStrings() {
        StreamPosition earlier = StreamPosition.parse("999-10");
        StreamPosition later = StreamPosition.parse("1000-2");

        assertThat(later).isGreaterThan(earlier);
        assertThat(StreamPosition.parse("5-10")).isGreaterThan(StreamPosition.parse("5-9"));
    }

    @Test
    void printsBackTheSameId() {
        assertThat(StreamPosition.parse("1718003600123-0")).hasToString("1718003600123-0");
    }

    @Test
    void rejectsIsoDatesAndBareMillis() {
        assertThat(StreamPosition.isValid("2024-06-10T00:00:00Z")).isFalse();
        assertThat(StreamPosition.isValid("1620249512599")).isFalse();
        assertThatThrownBy(() -> StreamPosition.parse("12-x")).hasMessageContaining("'12-x'");
    }

    @Test
    void statesRoundTripThroughJson() {
        IngesterState state =
                new IngesterState("17-3", java.time.Instant.parse("2026-01-01T00:00:00Z"), null);

        IngesterState back = IngesterState.fromJson(state.toJson());

        assertThat(back).isEqualTo(state);
        assertThat(new String(state.toJson())).doesNotContain("recoverUntil");
    }
}
