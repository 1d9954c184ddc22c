package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.indicator;
import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delete commands from the mapper's filters: score, detection, markings, labels. */
class FilteredIndicatorsTest extends TopologyTestBase {
    @Test
    void deletesIndicatorWhoseScoreDropsBelowTheMinimumAndUpsertsItWhenItRises() {
        start(Map.of("mapper.min_score", "50"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        topology.send("update", "id-1", indicator.score(49).envelope("update"));
        topology.send("update", "id-1", indicator.score(50).envelope("update"));

        assertThat(topology.actionsAndReasons()).containsExactly("delete:filtered", "upsert");
    }

    @Test
    void deletesIndicatorWhoseDetectionIsTurnedOffWhenOnlyDetectionIsSent() {
        start(Map.of("mapper.detection_only", "true"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        topology.send("update", "id-1", indicator.detection(true).envelope("update"));
        topology.send("update", "id-1", indicator.detection(false).envelope("update"));

        assertThat(topology.actionsAndReasons()).containsExactly("upsert", "delete:filtered");
    }

    @Test
    void deletesIndicatorThatGainsAnExcludedTlpMarkingGivenByName() {
        start(Map.of("mapper.exclude_markings", "TLP:RED"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        topology.send(
                "update", "id-1", indicator.markings(IndicatorJson.TLP_GREEN).envelope("update"));
        topology.send(
                "update", "id-1", indicator.markings(IndicatorJson.TLP_RED).envelope("update"));
        topology.send("update", "id-1", indicator.markings().envelope("update"));

        assertThat(topology.actionsAndReasons())
                .containsExactly("upsert", "delete:filtered", "upsert");
        assertThat(topology.skipped.isEmpty()).isTrue();
    }

    @Test
    void sendsOnlyIndicatorsCarryingAnIncludedLabel() {
        start(Map.of("mapper.include_labels", "C2, phishing"));

        topology.send(
                "create", "id-1", ipv4("id-1", "203.0.113.1").labels("c2").envelope("create"));
        topology.send(
                "create", "id-2", ipv4("id-2", "203.0.113.2").labels("botnet").envelope("create"));
        topology.send("create", "id-3", ipv4("id-3", "203.0.113.3").labels().envelope("create"));

        assertThat(topology.actionsAndReasons())
                .containsExactly("upsert", "delete:filtered", "delete:filtered");
    }

    @Test
    void deletesIndicatorThatGainsAnExcludedLabel() {
        start(Map.of("mapper.exclude_labels", "false-positive"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        topology.send("update", "id-1", indicator.labels("botnet").envelope("update"));
        topology.send(
                "update", "id-1", indicator.labels("botnet", "False-Positive").envelope("update"));

        assertThat(topology.actionsAndReasons()).containsExactly("upsert", "delete:filtered");
    }
}
