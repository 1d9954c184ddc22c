package io.ctipipe.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.GroundTruth;
import io.ctipipe.emulator.opencti.StreamMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Building blocks for traffic the generator does not write on its own. */
final class Traffic {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXTENSION = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    private Traffic() {}

    /** What SentinelOne must hold after several independent generated worlds. */
    static GroundTruth union(GroundTruth... truths) {
        Set<ExpectedIoc> expected = new HashSet<>();
        Set<ExpectedIoc> rejected = new HashSet<>();
        for (GroundTruth truth : truths) {
            expected.addAll(truth.expected());
            rejected.addAll(truth.rejected());
        }
        return new GroundTruth(expected, rejected, Map.of());
    }

    /** A platform delete message for an Indicator, with its newest state in the traffic. */
    static StreamMessage delete(GeneratedTraffic traffic, String indicatorId) {
        JsonNode newest = null;
        for (StreamMessage message : traffic.messages()) {
            JsonNode data = parse(message.data()).path("data");
            if (indicatorId.equals(data.path("extensions").path(EXTENSION).path("id").asText())) {
                newest = data;
            }
        }
        if (newest == null) {
            throw new IllegalArgumentException("no Indicator " + indicatorId + " in the traffic");
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "4");
        envelope.put("type", "delete");
        envelope.put("scope", "external");
        envelope.put("message", "deletes a Indicator `" + newest.path("name").asText() + "`");
        envelope.set("data", newest.deepCopy());
        return StreamMessage.of("delete", write(envelope));
    }

    /** The Indicators (internal ids) behind the first count expected IOCs. */
    static List<String> expectedIndicators(GroundTruth truth, int count) {
        return truth.expected().stream()
                .map(ExpectedIoc::indicatorId)
                .distinct()
                .limit(count)
                .toList();
    }

    /** The expected IOCs of these Indicators. */
    static Set<ExpectedIoc> iocsOf(GroundTruth truth, List<String> indicatorIds) {
        Set<ExpectedIoc> iocs = new HashSet<>();
        truth.expected().stream()
                .filter(ioc -> indicatorIds.contains(ioc.indicatorId()))
                .forEach(iocs::add);
        return iocs;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
