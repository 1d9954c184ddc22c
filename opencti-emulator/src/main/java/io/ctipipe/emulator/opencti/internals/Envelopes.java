package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Version-4 event envelopes as the platform stores them: version, type, scope, message, origin,
 * data, context (updates and merges, with RFC 6902 patches both ways) and event_id.
 */
final class Envelopes {
    private static final String USER = "a1b2c3d4-0000-4000-8000-000000000001";
    private static final String GROUP = "1c2d3e4f-0000-4000-8000-000000000002";

    String create(JsonNode stix, Instant at) {
        String message = "creates a " + Stix.entityType(stix) + " `" + Stix.displayName(stix) + "`";
        return Stix.write(envelope("create", message, stix, null, at));
    }

    String update(JsonNode before, JsonNode after, String message, Instant at) {
        return Stix.write(envelope("update", message, after, context(before, after), at));
    }

    String delete(JsonNode stix, Instant at) {
        String message = "deletes a " + Stix.entityType(stix) + " `" + Stix.displayName(stix) + "`";
        return Stix.write(envelope("delete", message, stix, null, at));
    }

    String merge(JsonNode before, JsonNode after, List<? extends JsonNode> sources, Instant at) {
        ObjectNode context = context(before, after);
        ArrayNode sourceArray = context.putArray("sources");
        sources.forEach(source -> sourceArray.add(source.deepCopy()));
        String names = String.join(", ", sources.stream().map(Stix::displayName).toList());
        String message =
                "merges "
                        + Stix.entityType(after)
                        + " `"
                        + names
                        + "` in `"
                        + Stix.displayName(after)
                        + "`";
        return Stix.write(envelope("merge", message, after, context, at));
    }

    private static ObjectNode context(JsonNode before, JsonNode after) {
        ObjectNode context = Stix.object();
        context.set("patch", JsonDiff.diff(before, after));
        context.set("reverse_patch", JsonDiff.diff(after, before));
        return context;
    }

    private static ObjectNode envelope(
            String type, String message, JsonNode stix, ObjectNode context, Instant at) {
        ObjectNode envelope = Stix.object();
        envelope.put("version", "4");
        envelope.put("type", type);
        envelope.put("scope", "external");
        envelope.put("message", message);
        envelope.set("origin", origin());
        envelope.set("data", stix.deepCopy());
        if (context != null) {
            envelope.set("context", context);
        }
        envelope.put("event_id", at.toEpochMilli() + "-0");
        return envelope;
    }

    private static ObjectNode origin() {
        ObjectNode origin = Stix.object();
        origin.put("socket", "query");
        origin.put("ip", "::ffff:10.0.0.15");
        origin.put("user_id", USER);
        origin.putArray("group_ids").add(GROUP);
        origin.putArray("organization_ids");
        origin.putObject("user_metadata");
        origin.put("applicant_id", USER);
        return origin;
    }
}
