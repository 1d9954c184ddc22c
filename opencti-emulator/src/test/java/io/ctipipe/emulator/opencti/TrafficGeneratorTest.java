package io.ctipipe.emulator.opencti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.emulator.opencti.internals.JsonPatchApplier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXT = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    private static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    private final GeneratedTraffic traffic =
            TrafficGenerator.seeded(42).indicators(300).plantedBad(5).clock(CLOCK).generate();

    @Test
    void theSameSeedGivesTheSameTraffic() {
        GeneratedTraffic again =
                TrafficGenerator.seeded(42).indicators(300).plantedBad(5).clock(CLOCK).generate();

        assertThat(again.messages()).isEqualTo(traffic.messages());
        assertThat(again.groundTruth().expected()).isEqualTo(traffic.groundTruth().expected());
    }

    @Test
    void coversEveryKindOfPatternAndEveryKindOfChange() {
        List<JsonNode> data = traffic.messages().stream().map(m -> read(m.data())).toList();
        String patterns =
                data.stream()
                        .map(d -> d.path("data").path("pattern").asText())
                        .collect(Collectors.joining("\n"));
        Set<String> events =
                traffic.messages().stream().map(StreamMessage::event).collect(Collectors.toSet());
        Set<String> types =
                data.stream()
                        .map(d -> d.path("data").path("type").asText())
                        .collect(Collectors.toSet());

        assertThat(patterns)
                .contains(
                        "[ipv4-addr:value = '",
                        "/32']",
                        ".0/24']",
                        "[ipv6-addr:value = '",
                        "/128']")
                .contains("[domain-name:value = '", "[hostname:value = '", "[url:value = '")
                .contains("file:hashes.'SHA-512'", " AND file:hashes.", "' OR ", "] OR [")
                .contains("rule ctipipe_", "logsource:");
        assertThat(events).containsExactlyInAnyOrder("create", "update", "delete", "merge");
        assertThat(types)
                .contains("indicator", "identity", "marking-definition", "malware", "relationship");
        assertThat(traffic.messages()).anyMatch(m -> m.data().contains("\u2028"));
        assertThat(traffic.messages())
                .extracting(m -> read(m.data()).path("message").asText())
                .anyMatch(m -> m.contains("in `Revoked`"))
                .anyMatch(m -> m.contains("in `Pattern`"))
                .anyMatch(m -> m.contains("in `Valid until`"))
                .anyMatch(m -> m.contains("in `Label`"))
                .anyMatch(m -> m.contains("in `Score`"));
    }

    @Test
    void patchesOfUpdatesAndMergesReplayBothWays() {
        Map<String, JsonNode> current = new HashMap<>();
        int checked = 0;
        for (StreamMessage message : traffic.messages()) {
            JsonNode envelope = read(message.data());
            JsonNode stix = envelope.path("data");
            String id = internalId(stix);
            if (envelope.has("context")) {
                JsonNode context = envelope.path("context");
                JsonNode before = current.get(id);
                assertThat(JsonPatchApplier.apply(before, context.path("patch"))).isEqualTo(stix);
                assertThat(JsonPatchApplier.apply(stix, context.path("reverse_patch")))
                        .isEqualTo(before);
                checked++;
            }
            current.put(id, stix);
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void aPatternChangeChangesTheStixIdButNotTheInternalId() {
        JsonNode edit =
                traffic.messages().stream()
                        .map(m -> read(m.data()))
                        .filter(e -> e.path("message").asText().contains("in `Pattern`"))
                        .findFirst()
                        .orElseThrow();

        assertThat(edit.path("context").path("patch").toString()).contains("\"path\":\"/id\"");
        assertThat(edit.path("context").path("patch").toString())
                .doesNotContain("/extensions/" + EXT + "/id\"");
    }

    @Test
    void groundTruthFollowsTheFinalStateOfEachIndicator() {
        Map<String, JsonNode> finals = finalIndicators();
        GroundTruth truth = traffic.groundTruth();

        assertThat(truth.expected()).isNotEmpty();
        for (ExpectedIoc ioc : truth.expected()) {
            JsonNode stix = finals.get(ioc.indicatorId());
            assertThat(stix).as("live indicator %s", ioc.indicatorId()).isNotNull();
            assertThat(stix.path("id").asText()).isEqualTo(ioc.externalId());
            assertThat(stix.path("revoked").asBoolean()).isFalse();
            assertThat(Instant.parse(stix.path("valid_until").asText())).isAfter(Instant.now());
            assertThat(stix.path("pattern_type").asText()).isEqualTo("stix");
        }
        assertThat(truth.iocsByType().keySet())
                .contains("IPV4", "IPV6", "DNS", "URL", "MD5", "SHA1", "SHA256");
        assertThat(truth.indicatorsByOutcome())
                .containsKeys(
                        "upsert",
                        "deleted",
                        "merged",
                        "revoked",
                        "expired",
                        "non-stix",
                        "unmappable",
                        "rejected");
        assertThat(truth.indicatorsByOutcome().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(305);
    }

    @Test
    void plantedIndicatorsCarryTheEmptyFileHashesAndAreRejected() {
        Set<String> values =
                traffic.groundTruth().rejected().stream()
                        .map(ExpectedIoc::value)
                        .collect(Collectors.toSet());

        assertThat(traffic.groundTruth().rejected()).hasSize(5);
        assertThat(values)
                .containsExactlyInAnyOrder(
                        "d41d8cd98f00b204e9800998ecf8427e",
                        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(traffic.groundTruth().expected())
                .extracting(ExpectedIoc::value)
                .doesNotContainAnyElementsOf(values);
    }

    @Test
    void groundTruthAndMessagesSurviveAFileRoundTrip(@TempDir Path dir) {
        traffic.groundTruth().writeJson(dir.resolve("truth.json"));
        StreamMessage.writeJsonLines(traffic.messages(), dir.resolve("events.jsonl"));

        assertThat(GroundTruth.readJson(dir.resolve("truth.json")))
                .isEqualTo(traffic.groundTruth());
        assertThat(StreamMessage.readJsonLines(dir.resolve("events.jsonl")))
                .isEqualTo(traffic.messages());
    }

    private Map<String, JsonNode> finalIndicators() {
        Map<String, JsonNode> current = new HashMap<>();
        for (StreamMessage message : traffic.messages()) {
            JsonNode envelope = read(message.data());
            JsonNode stix = envelope.path("data");
            if (!stix.path("type").asText().equals("indicator")) {
                continue;
            }
            if (message.event().equals("delete")) {
                current.remove(internalId(stix));
            } else {
                current.put(internalId(stix), stix);
            }
            envelope.path("context").path("sources").forEach(s -> current.remove(internalId(s)));
        }
        return current;
    }

    private static String internalId(JsonNode stix) {
        return stix.path("extensions").path(EXT).path("id").asText();
    }

    private static JsonNode read(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void createsOnlyWritesOnlyCreationsAndExpectsEveryLiveIndicator() {
        GeneratedTraffic creates =
                TrafficGenerator.seeded(42)
                        .indicators(300)
                        .plantedBad(0)
                        .clock(CLOCK)
                        .createsOnly()
                        .generate();

        Set<String> events =
                creates.messages().stream().map(StreamMessage::event).collect(Collectors.toSet());
        long indicators =
                creates.messages().stream()
                        .filter(
                                m ->
                                        read(m.data())
                                                .path("data")
                                                .path("type")
                                                .asText()
                                                .equals("indicator"))
                        .count();
        assertThat(events).containsExactly("create");
        assertThat(indicators).isEqualTo(300);
        assertThat(creates.groundTruth().expected().size())
                .isGreaterThan(traffic.groundTruth().expected().size() / 2);
    }
}
