package io.ctipipe.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds OpenCTI-shaped Indicator objects and version-4 event envelopes for tests. */
final class IndicatorJson {
    static final String EXTENSION = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";
    static final String TLP_RED = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
    static final String TLP_GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode data = JSON.createObjectNode();

    private IndicatorJson(String internalId, String pattern) {
        data.put(
                "id",
                "indicator--" + UUID.nameUUIDFromBytes(pattern.getBytes(StandardCharsets.UTF_8)));
        data.put("spec_version", "2.1");
        data.put("type", "indicator");
        data.put("created", "2024-06-09T22:00:00.000Z");
        data.put("modified", "2024-06-10T07:13:20.087Z");
        data.put("revoked", false);
        data.put("name", "Indicator " + internalId);
        data.put("description", "C2 server seen in campaign X");
        data.put("pattern", pattern);
        data.put("pattern_type", "stix");
        data.put("pattern_version", "2.1");
        data.put("valid_from", "2024-06-10T00:00:00.000Z");
        data.put("valid_until", "2030-01-01T00:00:00.000Z");
        data.putArray("labels").add("botnet");
        data.putArray("object_marking_refs").add(TLP_GREEN);
        ObjectNode extension = data.putObject("extensions").putObject(EXTENSION);
        extension.put("extension_type", "property-extension");
        extension.put("id", internalId);
        extension.put("type", "Indicator");
        extension.put("score", 50);
        extension.put("detection", true);
    }

    static IndicatorJson indicator(String internalId, String pattern) {
        return new IndicatorJson(internalId, pattern);
    }

    static IndicatorJson ipv4(String internalId, String address) {
        return indicator(internalId, "[ipv4-addr:value = '" + address + "']");
    }

    IndicatorJson set(String field, String value) {
        data.put(field, value);
        return this;
    }

    IndicatorJson set(String field, JsonNode value) {
        data.set(field, value);
        return this;
    }

    IndicatorJson without(String field) {
        data.remove(field);
        return this;
    }

    IndicatorJson revoked(boolean revoked) {
        data.put("revoked", revoked);
        return this;
    }

    IndicatorJson score(int score) {
        extension().put("score", score);
        return this;
    }

    IndicatorJson detection(boolean detection) {
        extension().put("detection", detection);
        return this;
    }

    IndicatorJson labels(String... labels) {
        ArrayNode array = data.putArray("labels");
        for (String label : labels) {
            array.add(label);
        }
        return this;
    }

    IndicatorJson markings(String... markings) {
        ArrayNode array = data.putArray("object_marking_refs");
        for (String marking : markings) {
            array.add(marking);
        }
        return this;
    }

    /** Removes the OpenCTI extension, as in streams of OpenCTI 4.x and 5.x. */
    IndicatorJson withoutExtension() {
        data.remove("extensions");
        return this;
    }

    String stixId() {
        return data.get("id").textValue();
    }

    ObjectNode data() {
        return data.deepCopy();
    }

    /** The SSE data payload of an event of the given stored type. */
    byte[] envelope(String type) {
        return bytes(envelopeNode(type));
    }

    ObjectNode envelopeNode(String type) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "4");
        envelope.put("type", type);
        envelope.put("scope", "external");
        envelope.put("message", type + "s a Indicator");
        envelope.putObject("origin").put("user_id", "a1b2c3d4-0000-4000-8000-000000000001");
        envelope.set("data", data());
        envelope.put("event_id", "1718003600087-0");
        return envelope;
    }

    /** A merge event absorbing {@code sources} into this Indicator. */
    byte[] mergeEnvelope(IndicatorJson... sources) {
        ObjectNode envelope = envelopeNode("merge");
        ObjectNode context = envelope.putObject("context");
        context.putArray("patch");
        ArrayNode array = context.putArray("sources");
        for (IndicatorJson source : sources) {
            array.add(source.data());
        }
        return bytes(envelope);
    }

    private ObjectNode extension() {
        return (ObjectNode) data.get("extensions").get(EXTENSION);
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
