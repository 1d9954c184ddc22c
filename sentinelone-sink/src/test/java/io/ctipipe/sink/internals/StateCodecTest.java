package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCodecTest {

    @Test
    void roundTripsAStateWithAMarker() {
        IndicatorState state =
                new IndicatorState(
                        "1700000000000-3",
                        List.of(new UploadedIoc("MD5", "0123", "00ff", List.of("u1", "u2"))),
                        new PendingMarker("1700000000001-0", List.of("indicator--9"), "now"));

        IndicatorState decoded = StateCodec.decode(StateCodec.encode(state));

        assertThat(decoded).isEqualTo(state);
    }

    @Test
    void writesACompactJsonWithoutTheAbsentMarker() {
        IndicatorState state =
                new IndicatorState(
                        "1-0", List.of(new UploadedIoc("DNS", "a.b", "h", List.of("u"))), null);

        String json = new String(StateCodec.encode(state), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo(
                        "{\"eventId\":\"1-0\",\"iocs\":[{\"type\":\"DNS\",\"value\":\"a.b\","
                                + "\"hash\":\"h\",\"uuids\":[\"u\"]}]}");
    }

    @Test
    void rejectsBytesThatAreNotAState() {
        assertThatThrownBy(() -> StateCodec.decode("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
