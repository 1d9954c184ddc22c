package io.ctipipe.sink.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** An IOC as SentinelOne returns it: what the sink needs to recognise it again. */
public record RemoteIoc(String uuid, String type, String value, String externalId, String source) {

    static RemoteIoc from(JsonNode json) {
        return new RemoteIoc(
                json.path("uuid").asText(null),
                json.path("type").asText(""),
                json.path("value").asText(""),
                json.path("externalId").asText(null),
                json.path("source").asText(null));
    }

    /** Type and value as the sink identifies an IOC within an Indicator. */
    public String identity() {
        return type + ":" + value;
    }

    /**
     * The key a created object is matched to a sent item by: type, value (case-insensitive, since
     * the console may normalise hashes and names) and externalId.
     */
    static String matchKey(String type, String value, String externalId) {
        return type.toUpperCase(Locale.ROOT)
                + "\u0000"
                + value.toLowerCase(Locale.ROOT)
                + "\u0000"
                + externalId;
    }

    String matchKey() {
        return matchKey(type, value, externalId);
    }
}
