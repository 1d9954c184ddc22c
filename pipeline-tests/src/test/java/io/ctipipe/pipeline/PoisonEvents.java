package io.ctipipe.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stream messages a platform, a proxy or a bug could send and the mapper must survive: each has a
 * unique data line, so that its fate can be found by its bytes.
 */
final class PoisonEvents {
    static final int FIVE_MB = 5 * 1024 * 1024;

    private final Random random;
    private final List<Poison> items = new ArrayList<>();
    private int next;

    /**
     * One message and what it is.
     *
     * @param event the SSE event name
     * @param data the data line, exactly as sent
     */
    record Poison(String what, String event, String data) {}

    PoisonEvents(long seed) {
        this.random = new Random(seed);
    }

    List<Poison> items() {
        return items;
    }

    /** Not JSON, not an object, no data, too deep, too big. */
    PoisonEvents malformed() {
        add(
                "invalid JSON",
                "create",
                "{\"version\":\"4\",\"data\":{\"type\":\"indicator\",\"id\":");
        add("an array", "create", "[1,2,3]");
        add("a string", "create", "\"poison\"");
        add("a number", "create", "42");
        add("null", "create", "null");
        add("no data", "create", "{\"version\":\"4\",\"type\":\"create\",\"message\":\"no data\"}");
        add("deep nesting", "create", deep(5000));
        add("5 MB, not JSON", "create", "{\"version\":\"4\",\"data\":\"" + "x".repeat(FIVE_MB));
        ObjectNode huge = indicator("create");
        huge.withObjectProperty("data").put("pattern", "[" + "x".repeat(FIVE_MB) + "]");
        add("5 MB, unmappable", "create", huge);
        return this;
    }

    /** A valid Indicator whose message is 5 MB: its IOC must arrive, description cut. */
    ExpectedIoc bigButValid() {
        ObjectNode big = indicator("create");
        big.withObjectProperty("data").put("description", "d".repeat(FIVE_MB));
        add("5 MB, valid", "create", big);
        JsonNode data = big.path("data");
        return new ExpectedIoc(
                data.path("extensions").path(Traffic.EXTENSION).path("id").asText(),
                data.path("id").asText(),
                "IPV4",
                data.path("pattern").asText().replaceAll(".*'(.*)'.*", "$1"));
    }

    /** Every field the mapper reads, with a value of the wrong type. */
    PoisonEvents wrongTypes() {
        wrongEnvelope("data", e -> e.put("data", 7));
        wrong("type", d -> d.put("type", 7));
        wrong("id", d -> d.put("id", 7));
        wrong("id missing", d -> d.remove("id"));
        for (String field : List.of("name", "description", "pattern", "pattern_type", "created")) {
            wrong(field, d -> d.put(field, 7));
        }
        wrong("valid_until", d -> d.put("valid_until", 7));
        wrong("valid_until date", d -> d.put("valid_until", "next tuesday"));
        wrong("labels", d -> d.put("labels", "one"));
        wrong("labels items", d -> d.putArray("labels").add(1));
        wrong("object_marking_refs", d -> d.put("object_marking_refs", "m"));
        wrong("revoked", d -> d.put("revoked", "yes"));
        wrong("extensions", d -> d.put("extensions", "x"));
        wrong("extension", d -> d.withObjectProperty("extensions").put(Traffic.EXTENSION, "x"));
        wrong("extension id", d -> extension(d).put("id", 7));
        wrong("extension score", d -> extension(d).put("score", "high"));
        wrong("extension score range", d -> extension(d).put("score", 1e12));
        wrong("extension detection", d -> extension(d).put("detection", "yes"));
        wrong("x_opencti_score", d -> withoutExtension(d, "score").put("x_opencti_score", "x"));
        wrong(
                "x_opencti_detection",
                d -> withoutExtension(d, "detection").put("x_opencti_detection", "x"));
        wrongEnvelope("merge context", e -> e.put("context", "x"));
        wrongEnvelope("merge sources", e -> e.putObject("context").put("sources", "x"));
        wrongEnvelope(
                "merge source id",
                e ->
                        e.putObject("context")
                                .putArray("sources")
                                .addObject()
                                .putObject("extensions")
                                .putObject(Traffic.EXTENSION)
                                .put("id", 7));
        return this;
    }

    /** Indicators whose pattern is a mutated valid one, always left unterminated. */
    PoisonEvents fuzzedPatterns(int count) {
        List<String> seeds =
                List.of(
                        "[ipv4-addr:value = '203.0.113.5']",
                        "[domain-name:value = 'a.example'] OR [url:value = 'http://b.example/x']",
                        "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e'"
                                + " AND file:hashes.'SHA-256' = 'ab']",
                        "([ipv6-addr:value = '2001:db8::1'] FOLLOWEDBY [x:y = 1])"
                                + " WITHIN 5 SECONDS");
        for (int i = 0; i < count; i++) {
            String pattern = mutate(seeds.get(random.nextInt(seeds.size()))) + "'";
            ObjectNode fuzzed = indicator("create");
            fuzzed.withObjectProperty("data").put("pattern", pattern);
            add("fuzzed pattern " + i, "create", fuzzed);
        }
        return this;
    }

    private String mutate(String pattern) {
        StringBuilder text = new StringBuilder(pattern);
        String alphabet = "[]():'=<>!\\ ANDORNOTWITHIN0123456789.-_é\u2028\u0000";
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, c);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(4)));
                default -> text.replace(at, Math.min(text.length(), at + 1), String.valueOf(c));
            }
        }
        return text.toString();
    }

    private void wrong(String field, Consumer<ObjectNode> editData) {
        ObjectNode envelope = indicator("create");
        editData.accept(envelope.withObjectProperty("data"));
        add("wrong type: " + field, "create", envelope);
    }

    /** Merge-only fields are read from merge messages; the rest from any. */
    private void wrongEnvelope(String field, Consumer<ObjectNode> editEnvelope) {
        String event = field.startsWith("merge") ? "merge" : "create";
        ObjectNode envelope = indicator(event);
        editEnvelope.accept(envelope);
        add("wrong type: " + field, event, envelope);
    }

    private static ObjectNode withoutExtension(ObjectNode data, String field) {
        extension(data).remove(field);
        return data;
    }

    private static ObjectNode extension(ObjectNode data) {
        return data.withObjectProperty("extensions").withObjectProperty(Traffic.EXTENSION);
    }

    /** A valid Indicator envelope with fresh ids and a documentation-range IPv4 pattern. */
    private ObjectNode indicator(String type) {
        int n = next++;
        ObjectNode envelope = Traffic.JSON.createObjectNode();
        envelope.put("version", "4");
        envelope.put("type", type);
        envelope.put("scope", "external");
        envelope.put("message", "poison " + n);
        ObjectNode data = envelope.putObject("data");
        data.put("id", "indicator--" + new UUID(random.nextLong(), random.nextLong()));
        data.put("spec_version", "2.1");
        data.put("type", "indicator");
        ObjectNode extension = data.putObject("extensions").putObject(Traffic.EXTENSION);
        extension.put("extension_type", "property-extension");
        extension.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        extension.put("type", "Indicator");
        extension.put("score", 80);
        extension.put("detection", true);
        data.put("name", "poison " + n);
        data.put("description", "a poison Indicator");
        data.put("pattern", "[ipv4-addr:value = '198.51.100." + (n % 250 + 1) + "']");
        data.put("pattern_type", "stix");
        data.put("created", "2026-01-01T00:00:00.000Z");
        data.put("valid_until", "2099-01-01T00:00:00.000Z");
        data.putArray("labels").add("poison");
        data.put("revoked", false);
        return envelope;
    }

    private static String deep(int depth) {
        return "{\"version\":\"4\",\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private void add(String what, String event, JsonNode envelope) {
        add(what, event, Traffic.write(envelope));
    }

    private void add(String what, String event, String data) {
        items.add(new Poison(what, event, data));
    }
}
