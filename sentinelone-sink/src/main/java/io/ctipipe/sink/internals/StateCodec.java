package io.ctipipe.sink.internals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON of the sink-state topic's values, keyed by Indicator id: {@code {"eventId":"...",
 * "iocs":[{"type","value","hash","uuids":[...]}], "pending":{"eventId","externalIds","since"}}}.
 */
public final class StateCodec {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private StateCodec() {}

    public static byte[] encode(IndicatorState state) {
        try {
            return JSON.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IndicatorState decode(byte[] bytes) {
        try {
            return JSON.readValue(bytes, IndicatorState.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a sink state value: " + e.getMessage(), e);
        }
    }
}
