package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events that concern no Indicator, and the counter of every outcome. */
class IgnoredEventsAndCountsTest extends TopologyTestBase {
    @Test
    void ignoresNonIndicatorObjectsOfEveryEnvelopeVersion() {
        start(Map.of());
        var identity = JsonNodeFactory.instance.objectNode();
        identity.put("version", "4");
        identity.putObject("data").put("type", "identity").put("id", "identity--1");
        var marking = identity.deepCopy();
        ((ObjectNode) marking.get("data")).put("type", "marking-definition");
        var oldIdentity = identity.deepCopy().put("version", "3");

        topology.send("create", "identity-1", IndicatorJson.bytes(identity));
        topology.send("create", "marking-1", IndicatorJson.bytes(marking));
        topology.send("create", "identity-1", IndicatorJson.bytes(oldIdentity));

        assertThat(topology.iocs.isEmpty()).isTrue();
        assertThat(topology.skipped.isEmpty()).isTrue();
        assertThat(topology.deadLetters.isEmpty()).isTrue();
        assertThat(topology.count("ignored", "non-indicator")).isEqualTo(3);
    }

    @Test
    void countsEveryOutcome() {
        start(Map.of());

        topology.send("create", "id-1", ipv4("id-1", "203.0.113.1").envelope("create"));
        topology.send("delete", "id-2", ipv4("id-2", "203.0.113.2").envelope("delete"));
        topology.send("create", "id-3", ipv4("id-3", "10.0.0.0/8").envelope("create"));

        assertThat(topology.count("upsert", "none")).isEqualTo(1);
        assertThat(topology.count("delete", "deleted")).isEqualTo(1);
        assertThat(topology.count("skipped", "cidr-too-wide")).isEqualTo(1);
        assertThat(topology.count("delete", "unmappable")).isEqualTo(1);
    }
}
