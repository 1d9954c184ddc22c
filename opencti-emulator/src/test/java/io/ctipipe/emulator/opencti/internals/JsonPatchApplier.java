package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A small RFC 6902 applier (add, remove, replace) to check the emulator's patches. */
public final class JsonPatchApplier {
    private JsonPatchApplier() {}

    public static JsonNode apply(JsonNode document, JsonNode patch) {
        JsonNode result = document.deepCopy();
        for (JsonNode operation : patch) {
            result = applyOne(result, operation);
        }
        return result;
    }

    private static JsonNode applyOne(JsonNode root, JsonNode operation) {
        String path = operation.path("path").asText();
        if (path.isEmpty()) {
            return operation.path("value").deepCopy();
        }
        int slash = path.lastIndexOf('/');
        JsonNode parent = root.at(path.substring(0, slash));
        String key = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        String op = operation.path("op").asText();
        JsonNode value = operation.path("value").deepCopy();
        if (parent instanceof ObjectNode object) {
            if (op.equals("remove")) {
                object.remove(key);
            } else {
                object.set(key, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            switch (op) {
                case "remove" -> array.remove(index);
                case "add" -> array.insert(index, value);
                default -> array.set(index, value);
            }
        } else {
            throw new AssertionError("no parent for " + path);
        }
        return root;
    }
}
