package io.ctipipe.mapper.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Parses a record value into JSON, or throws {@link UnreadableEventException}. */
public final class EnvelopeParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvelopeParser() {}

    public static JsonNode parse(byte[] value) {
        if (value == null) {
            throw new UnreadableEventException("the record has no value");
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            // The original message only: Jackson's location would quote payload bytes.
            throw new UnreadableEventException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableEventException("not JSON: " + e.getMessage(), e);
        }
    }
}
