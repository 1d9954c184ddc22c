package io.ctipipe.contracts.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The value of the compacted ingester state topic, keyed by stream id: the position up to which
 * every event has been written to the events topic, in the same transaction.
 *
 * @param position the last fully written SSE id, {@code <ms>-<seq>}
 * @param updatedAt when it was written
 * @param recoverUntil the recover date still in force for a first snapshot, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngesterState(String position, Instant updatedAt, Instant recoverUntil) {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public StreamPosition streamPosition() {
        return StreamPosition.parse(position);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IngesterState fromJson(byte[] json) {
        try {
            return JSON.readValue(json, IngesterState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable ingester state", e);
        }
    }
}
