package io.ctipipe.mapper.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of JSON fields that throw {@link UnreadableEventException} naming the field when it
 * holds the wrong type. Absent and JSON null read as absent.
 */
final class FieldReader {
    private final JsonNode object;
    private final String where;

    /** {@code where} names the object in messages, e.g. {@code data}. */
    FieldReader(JsonNode object, String where) {
        this.object = object;
        this.where = where;
    }

    static FieldReader of(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new UnreadableEventException(where + " is missing or not a JSON object");
        }
        return new FieldReader(node, where);
    }

    String text(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, "a string");
        }
        return node.textValue();
    }

    String requiredText(String field) {
        String text = text(field);
        if (text == null || text.isEmpty()) {
            throw new UnreadableEventException(where + "." + field + " is missing");
        }
        return text;
    }

    Boolean bool(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(field, "a boolean");
        }
        return node.booleanValue();
    }

    Integer integer(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(field, "an integer");
        }
        return node.intValue();
    }

    List<String> texts(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrongType(field, "an array of strings");
        }
        List<String> texts = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw wrongType(field, "an array of strings");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    Instant instant(String field) {
        String text = text(field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw wrongType(field, "an ISO-8601 timestamp");
        }
    }

    /** The nested object, or null when absent; throws when present but not an object. */
    FieldReader object(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(field, "an object");
        }
        return new FieldReader(node, where + "." + field);
    }

    JsonNode node(String field) {
        return present(field);
    }

    private JsonNode present(String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private UnreadableEventException wrongType(String field, String expected) {
        return new UnreadableEventException(where + "." + field + " is not " + expected);
    }
}
