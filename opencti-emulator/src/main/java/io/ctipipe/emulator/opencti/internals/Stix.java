package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Constants and small readers for the STIX objects and envelopes the emulator handles. */
public final class Stix {
    /** The OpenCTI property extension that carries the internal id, score and so on. */
    public static final String EXT = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    public static final String MITRE = "extension-definition--322b8f77-262a-4cb8-a915-1e441e00329b";

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Stix() {}

    /** The platform's date format: UTC with milliseconds, e.g. 2024-06-10T07:13:20.087Z. */
    public static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The parsed JSON, or a missing node when the text is not JSON (or nests deeper than the parser
     * allows): the stream carries such data as it is, for clients under test to reject.
     */
    public static JsonNode parseLeniently(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The OpenCTI internal id of a STIX object, falling back to its STIX id. */
    public static Optional<String> internalId(JsonNode stix) {
        String fromExtension = stix.path("extensions").path(EXT).path("id").asText("");
        if (!fromExtension.isEmpty()) {
            return Optional.of(fromExtension);
        }
        String stixId = stix.path("id").asText("");
        return stixId.isEmpty() ? Optional.empty() : Optional.of(stixId);
    }

    /** STIX ids the object points at that a consumer needs first: author and markings. */
    public static List<String> references(JsonNode stix) {
        List<String> refs = new ArrayList<>();
        String author = stix.path("created_by_ref").asText("");
        if (!author.isEmpty()) {
            refs.add(author);
        }
        stix.path("object_marking_refs").forEach(ref -> refs.add(ref.asText()));
        return refs;
    }

    public static boolean isInferred(JsonNode stix) {
        return stix.path("extensions").path(EXT).path("is_inferred").asBoolean(false);
    }

    /** Human name used in messages: name, else value, else the STIX id. */
    public static String displayName(JsonNode stix) {
        for (String field : List.of("name", "value", "id")) {
            String text = stix.path(field).asText("");
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "unknown";
    }

    /** The OpenCTI entity type, e.g. Indicator, from the extension or the STIX type. */
    public static String entityType(JsonNode stix) {
        String type = stix.path("extensions").path(EXT).path("type").asText("");
        return type.isEmpty() ? stix.path("type").asText("unknown") : type;
    }
}
