package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;

/** The current state of one object in the emulated platform database. */
public record StoredObject(String internalId, JsonNode stix, long updatedAtMillis) {

    public String stixId() {
        return stix.path("id").asText("");
    }
}
