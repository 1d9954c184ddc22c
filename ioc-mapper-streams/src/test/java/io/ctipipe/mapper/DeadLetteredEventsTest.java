package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static io.ctipipe.mapper.TopologyFixture.NOW;
import static io.ctipipe.mapper.TopologyFixture.TOPICS;
import static io.ctipipe.mapper.TopologyFixture.header;
import static io.ctipipe.mapper.TopologyFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.contracts.kafka.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Records that cannot be read: the events dead-letter topic. */
class DeadLetteredEventsTest extends TopologyTestBase {
    @Test
    void deadLettersUnreadableRecordsWithTheirOriginalBytesAndHeaders() {
        start(Map.of());
        List<byte[]> unreadable =
                List.of(
                        "{not json".getBytes(StandardCharsets.UTF_8),
                        "[1, 2]".getBytes(StandardCharsets.UTF_8),
                        "{\"version\":\"4\"}".getBytes(StandardCharsets.UTF_8),
                        ipv4("id-1", "203.0.113.1").set("labels", "botnet").envelope("create"),
                        ipv4("id-1", "203.0.113.1").set("valid_until", "soon").envelope("create"),
                        ipv4("id-1", "203.0.113.1").without("id").envelope("create"));

        unreadable.forEach(value -> topology.send("create", "id-1", value));

        List<TestRecord<byte[], byte[]>> records = topology.deadLetters.readRecordsToList();
        assertThat(records).extracting(TestRecord::value).containsExactlyElementsOf(unreadable);
        assertThat(records)
                .allSatisfy(
                        record -> {
                            assertThat(record.key())
                                    .isEqualTo("id-1".getBytes(StandardCharsets.UTF_8));
                            assertThat(header(record.headers(), EventHeaders.EVENT))
                                    .isEqualTo("create");
                            assertThat(header(record.headers(), "__streams.errors.topic"))
                                    .isEqualTo(TOPICS.events());
                            assertThat(header(record.headers(), "__streams.errors.exception"))
                                    .endsWith("UnreadableEventException");
                        });
        assertThat(topology.iocs.isEmpty()).isTrue();
        assertThat(topology.skipped.isEmpty()).isTrue();
        assertThat(topology.count("dead-lettered", "none")).isEqualTo(6);
    }

    @Test
    void deadLettersARecordWithoutTheEventHeader() {
        start(Map.of());
        Headers headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, "1-0".getBytes(StandardCharsets.UTF_8));

        topology.events.pipeInput(
                new TestRecord<>(
                        key("id-1"), ipv4("id-1", "203.0.113.1").envelope("create"), headers, NOW));

        assertThat(header(topology.deadLetters.readRecord().headers(), "__streams.errors.message"))
                .contains(EventHeaders.EVENT);
    }

    @Test
    void deadLettersAnEnvelopeOfAnotherVersionWithNoIdToReportItBy() {
        start(Map.of());
        ObjectNode envelope =
                ipv4("unused", "203.0.113.1").withoutExtension().envelopeNode("create");
        byte[] value = IndicatorJson.bytes(envelope.put("version", "5"));

        topology.send("create", null, value);

        TestRecord<byte[], byte[]> record = topology.deadLetters.readRecord();
        assertThat(record.value()).isEqualTo(value);
        assertThat(header(record.headers(), "__streams.errors.message"))
                .contains("envelope version 5");
        assertThat(topology.skipped.isEmpty()).isTrue();
    }
}
