package io.ctipipe.sink.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads which items a 400 names. The console puts them in {@code errors[].detail}, a string holding
 * {@code {"errors":[{"value":...,"type":...}]}} as JSON or as a Python repr (single quotes, None);
 * a detail that is already an object or a list is read the same way. Returns the named items as
 * {@link #key keys}; empty when the answer names none.
 */
public final class RejectedItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RejectedItems() {}

    public static Set<String> parse(String body) {
        Set<String> named = new HashSet<>();
        JsonNode root = read(body);
        if (root == null) {
            return named;
        }
        for (JsonNode error : root.path("errors")) {
            JsonNode detail = error.get("detail");
            JsonNode inner = detail != null && detail.isTextual() ? read(detail.asText()) : detail;
            collect(inner, named);
        }
        return named;
    }

    /** How an IOC is matched against a named item: type upper-case, value lower-case. */
    public static String key(String type, String value) {
        return type.toUpperCase(Locale.ROOT) + ":" + value.toLowerCase(Locale.ROOT);
    }

    private static void collect(JsonNode node, Set<String> named) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collect(item, named));
        } else if (node.isObject() && node.has("value") && node.has("type")) {
            named.add(key(node.path("type").asText(), node.path("value").asText()));
        } else if (node.isObject()) {
            collect(node.get("errors"), named);
        }
    }

    private static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            try {
                return JSON.readTree(fromPythonRepr(text));
            } catch (IOException notRepr) {
                return null;
            }
        }
    }

    /** Turns a Python repr of dicts and lists into JSON; good enough for values without quotes. */
    static String fromPythonRepr(String text) {
        return text.replace('\'', '"')
                .replaceAll("\\bNone\\b", "null")
                .replaceAll("\\bTrue\\b", "true")
                .replaceAll("\\bFalse\\b", "false");
    }
}
