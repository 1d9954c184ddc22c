package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.contracts.config.ConfigSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingDryRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final IndicatorJson ip = ipv4("id-1", "203.0.113.42");
    private final IndicatorJson yara =
            IndicatorJson.indicator("id-2", "rule x {}").set("pattern_type", "yara");

    @Test
    void mapsEachIndicatorOfABundleInOrder() throws Exception {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--1");
        bundle.putArray("objects").add(identity()).add(ip.data()).add(yara.data());

        int exit = run(bundle.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        String expected =
                """
                {"indicator": "%1$s", "action": "upsert", "iocs": [{"type": "IPV4",
                  "value": "203.0.113.42", "method": "EQUALS", "source": "SentinelOne Intel",
                  "externalId": "%1$s", "name": "Indicator id-1",
                  "description": "C2 server seen in campaign X",
                  "validUntil": "2030-01-01T00:00:00.000Z",
                  "creationTime": "2024-06-09T22:00:00.000Z", "labels": ["botnet"],
                  "pattern": "[ipv4-addr:value = '203.0.113.42']", "patternType": "STIX",
                  "originalRiskScore": 50}]}
                """
                        .formatted(ip.stixId());
        assertThat(lines.get(0)).isEqualTo(JSON.readTree(expected));
        assertThat(lines.get(1).get("indicator").asText()).isEqualTo(yara.stixId());
        assertThat(lines.get(1).get("action").asText()).isEqualTo("skip");
        assertThat(lines.get(1).get("reason").asText()).isEqualTo("unsupported-pattern-type");
        assertThat(lines.get(1).get("iocs")).isEmpty();
    }

    @Test
    void mapsAJsonArrayOfStixObjects() throws Exception {
        ArrayNode array = JSON.createArrayNode().add(yara.data()).add(identity()).add(ip.data());

        int exit = run(array.toString());

        assertThat(exit).isZero();
        assertThat(lines())
                .extracting(line -> line.get("action").asText())
                .containsExactly("skip", "upsert");
    }

    @Test
    void mapsJsonLinesOfStixObjectsAndStreamMessages() throws Exception {
        ObjectNode delete = JSON.createObjectNode().put("event", "delete").put("id", "1-0");
        delete.set("data", ip.envelopeNode("delete"));
        ObjectNode textual = JSON.createObjectNode().put("event", "update").put("id", "2-0");
        textual.put("data", ip.revoked(true).envelopeNode("update").toString());
        ObjectNode heartbeat = JSON.createObjectNode().put("event", "heartbeat").put("id", "3-0");
        ObjectNode bare = JSON.createObjectNode().put("event", "update").put("id", "4-0");
        bare.set("data", ipv4("id-5", "203.0.113.5").data());

        int exit =
                run(
                        String.join(
                                "\n",
                                yara.data().toString(),
                                delete.toString(),
                                textual.toString(),
                                heartbeat.toString(),
                                identity().toString(),
                                bare.toString()));

        assertThat(exit).isZero();
        assertThat(lines())
                .extracting(
                        line -> line.get("action").asText() + ":" + line.path("reason").asText())
                .containsExactly(
                        "skip:unsupported-pattern-type",
                        "delete:deleted",
                        "delete:revoked",
                        "upsert:");
    }

    @Test
    void listsTheOrBranchesAnUpsertDropped() throws Exception {
        IndicatorJson or =
                IndicatorJson.indicator(
                        "id-6",
                        "[ipv4-addr:value = '198.51.100.0/24'] OR [ipv4-addr:value = '203.0.113.5']");

        int exit = run(or.data().toString());

        assertThat(exit).isZero();
        JsonNode line = lines().get(0);
        assertThat(line.get("action").asText()).isEqualTo("upsert");
        assertThat(line.get("iocs"))
                .extracting(ioc -> ioc.get("value").asText())
                .containsExactly("203.0.113.5");
        String expected =
                """
                [{"reason": "cidr-too-wide", "comparison": "ipv4-addr:value = '198.51.100.0/24'"}]
                """;
        assertThat(line.get("dropped")).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void printsNoDroppedFieldWhenEveryBranchMaps() throws Exception {
        int exit = run(ip.data().toString());

        assertThat(exit).isZero();
        assertThat(lines().get(0).has("dropped")).isFalse();
    }

    @Test
    void printsADeleteForEachMergedSource() throws Exception {
        IndicatorJson source = ipv4("id-3", "203.0.113.42").set("id", "indicator--old");
        ObjectNode merge = JSON.createObjectNode().put("event", "merge").put("id", "1-0");
        merge.set("data", JSON.readTree(ip.mergeEnvelope(source)));

        int exit = run(merge.toString());

        assertThat(exit).isZero();
        assertThat(lines())
                .extracting(
                        line -> line.get("indicator").asText() + " " + line.get("action").asText())
                .containsExactly(ip.stixId() + " upsert", "indicator--old delete");
    }

    @Test
    void printsASkipForAStreamMessageOfAnotherEnvelopeVersion() throws Exception {
        ObjectNode old = JSON.createObjectNode().put("event", "create").put("id", "1-0");
        old.set("data", ip.envelopeNode("create").put("version", "3"));

        int exit = run(old.toString());

        assertThat(exit).isZero();
        JsonNode line = lines().get(0);
        assertThat(line.get("indicator").asText()).isEqualTo(ip.stixId());
        assertThat(line.get("action").asText()).isEqualTo("skip");
        assertThat(line.get("reason").asText()).isEqualTo("unsupported-envelope-version");
        assertThat(line.get("iocs")).isEmpty();
    }

    @Test
    void reportsUnreadableElementsAndMapsTheRest() throws Exception {
        IndicatorJson broken = ipv4("id-4", "203.0.113.9").set("labels", "not-a-list");

        int exit = run("[" + broken.data() + ", 5, " + ip.data() + "]");

        assertThat(exit).isEqualTo(MappingDryRun.UNREADABLE_ELEMENTS);
        assertThat(lines()).hasSize(1);
        assertThat(errors())
                .containsExactly(
                        "ctipipe map: element 1: value.data.labels is not an array of strings",
                        "ctipipe map: element 2: the element is not a JSON object");
    }

    @Test
    void stopsWithOneLineOnInvalidJson() throws Exception {
        int exit = run(ip.data() + "\n{\"type\": \"indicator\",");

        assertThat(exit).isEqualTo(MappingDryRun.INVALID_JSON);
        assertThat(lines()).hasSize(1);
        assertThat(errors())
                .singleElement()
                .asString()
                .startsWith("ctipipe map: invalid JSON at line 2");
    }

    private int run(String input) {
        MapperConfig config = MapperConfig.from(ConfigSource.of(Map.of(), Map.of()));
        ByteArrayInputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        return MappingDryRun.run(in, print(out), print(err), config, CLOCK);
    }

    private List<JsonNode> lines() throws Exception {
        String text = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private List<String> errors() {
        String text = err.toString(StandardCharsets.UTF_8);
        return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    private static ObjectNode identity() {
        return JSON.createObjectNode().put("type", "identity").put("id", "identity--1");
    }

    private static PrintStream print(ByteArrayOutputStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }
}
