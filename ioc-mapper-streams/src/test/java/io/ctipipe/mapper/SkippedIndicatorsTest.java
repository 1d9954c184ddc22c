package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.indicator;
import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static io.ctipipe.mapper.TopologyFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.SkipHeaders;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Indicators that cannot be mapped: the skipped branch of the topology. */
class SkippedIndicatorsTest extends TopologyTestBase {
    @Test
    void routesUnmappableIndicatorToSkippedAndDeletesIt() {
        start(Map.of());
        IndicatorJson yara =
                indicator("id-9", "rule x { condition: true }").set("pattern_type", "yara");
        byte[] value = yara.envelope("create");

        String eventId = topology.send("create", "id-9", value);

        TestRecord<String, byte[]> record = topology.skipped.readRecord();
        assertThat(record.key()).isEqualTo("id-9");
        assertThat(record.value()).isEqualTo(value);
        assertThat(header(record.headers(), EventHeaders.EVENT_ID)).isEqualTo(eventId);
        assertThat(header(record.headers(), EventHeaders.EVENT)).isEqualTo("create");
        assertThat(header(record.headers(), SkipHeaders.REASON))
                .isEqualTo("unsupported-pattern-type");
        assertThat(header(record.headers(), SkipHeaders.DETAIL)).contains("yara");
        assertThat(topology.commands())
                .containsExactly(IocCommand.delete("id-9", yara.stixId(), eventId, "unmappable"));
    }

    @Test
    void skipsAnOrWithNoMappableBranchForItsFirstReasonAndCountsNoDroppedBranch() {
        start(Map.of());
        IndicatorJson indicator =
                indicator("id-9", "[file:name = 'x.exe'] OR [ipv4-addr:value = '10.0.0.0/8']");

        String eventId = topology.send("create", "id-9", indicator.envelope("create"));

        TestRecord<String, byte[]> record = topology.skipped.readRecord();
        assertThat(header(record.headers(), SkipHeaders.REASON)).isEqualTo("unsupported-object");
        assertThat(header(record.headers(), SkipHeaders.DETAIL)).contains("file:name");
        assertThat(topology.commands())
                .containsExactly(
                        IocCommand.delete("id-9", indicator.stixId(), eventId, "unmappable"));
        assertThat(topology.droppedBranches("unsupported-object")).isZero();
        assertThat(topology.droppedBranches("cidr-too-wide")).isZero();
    }

    @Test
    void skipsAnOrWithANegationWholeAlthoughAnotherBranchMaps() {
        start(Map.of());
        IndicatorJson indicator =
                indicator(
                        "id-9",
                        "[ipv4-addr:value = '203.0.113.5' OR ipv4-addr:value != '203.0.113.6']");

        topology.send("create", "id-9", indicator.envelope("create"));

        TestRecord<String, byte[]> record = topology.skipped.readRecord();
        assertThat(header(record.headers(), SkipHeaders.REASON)).isEqualTo("unsupported-operator");
        assertThat(topology.actionsAndReasons()).containsExactly("delete:unmappable");
    }

    @Test
    void routesPatternSyntaxErrorToSkippedNotToTheDeadLetterTopic() {
        start(Map.of());

        topology.send("create", "id-9", ipv4("id-9", "1.2.3.4'").envelope("create"));

        TestRecord<String, byte[]> record = topology.skipped.readRecord();
        assertThat(header(record.headers(), SkipHeaders.REASON)).isEqualTo("syntax-error");
        assertThat(header(record.headers(), SkipHeaders.DETAIL)).contains("at position");
        assertThat(topology.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void routesAnIndicatorOfAnotherEnvelopeVersionToSkippedAndDeletesNothing() {
        start(Map.of());
        byte[] value =
                IndicatorJson.bytes(
                        ipv4("id-1", "203.0.113.1").envelopeNode("create").put("version", "3"));

        String eventId = topology.send("create", "id-1", value);

        TestRecord<String, byte[]> record = topology.skipped.readRecord();
        assertThat(record.key()).isEqualTo("id-1");
        assertThat(record.value()).isEqualTo(value);
        assertThat(header(record.headers(), EventHeaders.EVENT_ID)).isEqualTo(eventId);
        assertThat(header(record.headers(), SkipHeaders.REASON))
                .isEqualTo("unsupported-envelope-version");
        assertThat(header(record.headers(), SkipHeaders.DETAIL))
                .isEqualTo("envelope version 3; only version 4 is read");
        assertThat(topology.iocs.isEmpty()).isTrue();
        assertThat(topology.deadLetters.isEmpty()).isTrue();
        assertThat(topology.count("skipped", "unsupported-envelope-version")).isEqualTo(1);
        assertThat(topology.count("delete", "unmappable")).isZero();
    }

    @Test
    void reportsAnEnvelopeWithoutVersionByItsRecordKey() {
        start(Map.of());
        ObjectNode envelope =
                ipv4("unused", "203.0.113.1").withoutExtension().envelopeNode("update");
        envelope.remove("version");

        topology.send("update", "key-7", IndicatorJson.bytes(envelope));

        TestRecord<String, byte[]> record = topology.skipped.readRecord();
        assertThat(record.key()).isEqualTo("key-7");
        assertThat(header(record.headers(), SkipHeaders.DETAIL))
                .startsWith("the envelope has no version");
        assertThat(topology.iocs.isEmpty()).isTrue();
    }
}
