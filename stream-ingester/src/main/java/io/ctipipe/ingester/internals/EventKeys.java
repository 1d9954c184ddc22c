package io.ctipipe.ingester.internals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Finds the record key of an event: the OpenCTI internal id, else the STIX id. It streams over the
 * data with Jackson's parser and skips what it does not need, where building the whole tree took a
 * fifth of the ingester's CPU in a profile of a backfill. Inside {@code data}, a repeated field
 * counts by its last occurrence, as in a tree.
 */
public final class EventKeys {
    static final String OPENCTI_EXTENSION =
            "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";
    private static final JsonFactory JSON = new JsonFactory();

    private EventKeys() {}

    /** The key bytes, or null when the data has no readable object. */
    public static byte[] keyOf(byte[] data) {
        try (JsonParser parser = JSON.createParser(data)) {
            String[] ids = new String[2];
            if (parser.nextToken() != JsonToken.START_OBJECT || !findObject(parser, "data")) {
                return null;
            }
            readIds(parser, ids);
            String key = ids[1] == null || ids[1].isEmpty() ? ids[0] : ids[1];
            return key == null || key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Moves into the object value of the field (the last one of that name); false if none. */
    private static boolean findObject(JsonParser parser, String field) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(field) && value == JsonToken.START_OBJECT) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** Reads data's {@code id} into ids[0] and the extension's {@code id} into ids[1]. */
    private static void readIds(JsonParser parser, String[] ids) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("id")) {
                ids[0] = text(parser, value);
            } else if (name.equals("extensions") && value == JsonToken.START_OBJECT) {
                ids[1] = extensionId(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static String extensionId(JsonParser parser) throws IOException {
        String id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(OPENCTI_EXTENSION) && value == JsonToken.START_OBJECT) {
                id = ownId(parser);
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }

    private static String ownId(JsonParser parser) throws IOException {
        String id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("id")) {
                id = text(parser, value);
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }

    /** A scalar's text, as a tree's asText gives it; "" for an object, array or null. */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        parser.skipChildren();
        return "";
    }
}
