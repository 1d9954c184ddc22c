package io.ctipipe.emulator.sentinelone;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An IOC the emulator holds, as {@code GET /iocs} would show it.
 *
 * @param json the whole stored object (a copy), every echoed field included
 */
public record StoredIoc(
        String uuid,
        String type,
        String value,
        String externalId,
        String source,
        String name,
        String validUntil,
        String uploadTime,
        String updatedAt,
        String batchId,
        String scope,
        String scopeId,
        JsonNode json) {

    /** Reads the main fields of a stored object; the object is copied. */
    public static StoredIoc from(JsonNode json) {
        return new StoredIoc(
                text(json, "uuid"),
                text(json, "type"),
                text(json, "value"),
                text(json, "externalId"),
                text(json, "source"),
                text(json, "name"),
                text(json, "validUntil"),
                text(json, "uploadTime"),
                text(json, "updatedAt"),
                text(json, "batchId"),
                text(json, "scope"),
                text(json, "scopeId"),
                json.deepCopy());
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
