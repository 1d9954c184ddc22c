package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of the emulated Redis stream: the SSE event name, the data line exactly as it is sent,
 * and what the server needs to know about the object without parsing it again.
 *
 * @param stix the STIX object inside the envelope (missing node when there is none, or when the
 *     data is not JSON at all)
 * @param references STIX ids of the author and markings, sent first as dependencies
 */
public record LogEntry(
        StreamId id, String event, String data, JsonNode stix, List<String> references) {

    static LogEntry of(StreamId id, String event, String data) {
        JsonNode stix = Stix.parseLeniently(data).path("data");
        return new LogEntry(id, event, data, stix, Stix.references(stix));
    }

    public boolean isInferred() {
        return Stix.isInferred(stix);
    }

    public String stixId() {
        return stix.path("id").asText("");
    }
}
