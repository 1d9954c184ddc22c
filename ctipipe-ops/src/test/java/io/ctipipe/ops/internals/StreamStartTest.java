package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ctipipe.contracts.stream.StreamPosition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamStartTest {

    @Test
    void takesAStreamIdAsItIs() {
        assertThat(StreamStart.parse("1772000000000-4"))
                .isEqualTo(new StreamPosition(1772000000000L, 4));
        assertThat(StreamStart.parse("0-0")).isEqualTo(StreamPosition.START);
    }

    @Test
    void turnsATimeIntoItsMillisecondsWithSequenceZero() {
        Instant time = Instant.parse("2026-03-03T00:00:00Z");

        assertThat(StreamStart.parse("2026-03-03")).isEqualTo(StreamPosition.at(time));
        assertThat(StreamStart.parse("2026-03-03T01:00:00+01:00"))
                .isEqualTo(StreamPosition.at(time));
    }

    @Test
    void rejectsAnythingElseNamingBothForms() {
        assertThatThrownBy(() -> StreamStart.parse("last tuesday"))
                .hasMessageContaining("stream id <ms>-<seq>")
                .hasMessageContaining("ISO-8601 time")
                .hasMessageContaining("'last tuesday'");
    }
}
