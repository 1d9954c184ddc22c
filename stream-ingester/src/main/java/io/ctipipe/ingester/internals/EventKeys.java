package io.ctipipe.ingester.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Finds the record key of an event: the OpenCTI internal id, else the STIX id. */
public final class EventKeys {
    static final String OPENCTI_EXTENSION =
            "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventKeys() {}

    /** The key bytes, or null when the data has no readable object. */
    public static byte[] keyOf(byte[] data) {
        try {
            JsonNode stix = JSON.readTree(data).path("data");
            String internal = stix.path("extensions").path(OPENCTI_EXTENSION).path("id").asText("");
            String key = internal.isEmpty() ? stix.path("id").asText("") : internal;
            return key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
