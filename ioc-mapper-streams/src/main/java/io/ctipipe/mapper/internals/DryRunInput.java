package io.ctipipe.mapper.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The elements of a {@code ctipipe map} input, in order: the input is any sequence of JSON values
 * (so one bundle, one array, one object, or JSON lines), an array stands for its elements and a
 * bundle for its {@code objects}. Each top-level value is held in memory whole, so a bundle is
 * limited by the heap.
 */
public final class DryRunInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MappingIterator<JsonNode> values;
    private final Deque<JsonNode> pending = new ArrayDeque<>();

    public DryRunInput(InputStream in) throws IOException {
        this.values = JSON.readerFor(JsonNode.class).readValues(in);
    }

    /** The next element, or null at the end; throws JsonProcessingException on bad JSON. */
    public JsonNode next() throws IOException {
        while (pending.isEmpty()) {
            if (!values.hasNextValue()) {
                return null;
            }
            expand(values.nextValue());
        }
        return pending.poll();
    }

    private void expand(JsonNode value) {
        if (value.isArray()) {
            value.forEach(pending::add);
        } else if (value.isObject() && "bundle".equals(value.path("type").asText())) {
            value.path("objects").forEach(pending::add);
        } else {
            pending.add(value);
        }
    }

    /**
     * The stream event an element stands for: a stream message {@code {"event", "id", "data"}} as
     * it is, any other object as a STIX object just created. Null for stream messages that carry no
     * object (connected, heartbeat). The STIX id stands in for the record key.
     */
    public static StreamEvent toEvent(JsonNode element) {
        if (!element.isObject()) {
            throw new UnreadableEventException("the element is not a JSON object");
        }
        if (!element.has("event")) {
            return new StreamEvent(StreamEvent.CREATE, stixId(element), wrap(element));
        }
        String name = element.path("event").asText();
        if (!isObjectEvent(name)) {
            return null;
        }
        JsonNode data = element.get("data");
        JsonNode envelope = data != null && data.isTextual() ? parse(data.textValue()) : data;
        if (isBareStixObject(envelope)) {
            // A user may paste the STIX object itself where the envelope belongs.
            envelope = wrap(envelope);
        }
        return new StreamEvent(
                name, stixId(envelope == null ? null : envelope.get("data")), envelope);
    }

    private static boolean isBareStixObject(JsonNode node) {
        return node != null && node.isObject() && !node.has("data") && node.has("type");
    }

    private static ObjectNode wrap(JsonNode stixObject) {
        ObjectNode envelope = JSON.createObjectNode().put("version", "4");
        envelope.set("data", stixObject);
        return envelope;
    }

    /** A stream message may carry the SSE data line as a string, as it is on the wire. */
    private static JsonNode parse(String data) {
        return EnvelopeParser.parse(data.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isObjectEvent(String name) {
        return StreamEvent.CREATE.equals(name)
                || StreamEvent.UPDATE.equals(name)
                || StreamEvent.DELETE.equals(name)
                || StreamEvent.MERGE.equals(name);
    }

    private static String stixId(JsonNode object) {
        JsonNode id = object == null ? null : object.get("id");
        return id != null && id.isTextual() ? id.textValue() : null;
    }
}
