package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;

/**
 * RFC 6902 patches between two JSON documents, computed the way the platform's fast-json-patch
 * {@code compare} does: objects key by key, arrays index by index (extra items added at the end or
 * removed from the end), anything else replaced.
 */
public final class JsonDiff {
    private JsonDiff() {}

    /** The operations that turn {@code from} into {@code to}. */
    public static ArrayNode diff(JsonNode from, JsonNode to) {
        ArrayNode operations = Stix.JSON.createArrayNode();
        compare(from, to, "", operations);
        return operations;
    }

    private static void compare(JsonNode from, JsonNode to, String path, ArrayNode out) {
        if (from.equals(to)) {
            return;
        }
        if (from.isObject() && to.isObject()) {
            compareObjects(from, to, path, out);
        } else if (from.isArray() && to.isArray()) {
            compareArrays(from, to, path, out);
        } else {
            out.addObject().put("op", "replace").put("path", path).set("value", to.deepCopy());
        }
    }

    private static void compareObjects(JsonNode from, JsonNode to, String path, ArrayNode out) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            String child = path + "/" + escape(field.getKey());
            if (to.has(field.getKey())) {
                compare(field.getValue(), to.get(field.getKey()), child, out);
            } else {
                out.addObject().put("op", "remove").put("path", child);
            }
        }
        for (Map.Entry<String, JsonNode> field : to.properties()) {
            if (!from.has(field.getKey())) {
                add(out, path + "/" + escape(field.getKey()), field.getValue());
            }
        }
    }

    private static void compareArrays(JsonNode from, JsonNode to, String path, ArrayNode out) {
        for (int index = from.size() - 1; index >= 0; index--) {
            String child = path + "/" + index;
            if (index < to.size()) {
                compare(from.get(index), to.get(index), child, out);
            } else {
                out.addObject().put("op", "remove").put("path", child);
            }
        }
        for (int index = from.size(); index < to.size(); index++) {
            add(out, path + "/" + index, to.get(index));
        }
    }

    private static void add(ArrayNode out, String path, JsonNode value) {
        out.addObject().put("op", "add").put("path", path).set("value", value.deepCopy());
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
