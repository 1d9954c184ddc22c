package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.indicator;
import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocAction;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.SkipHeaders;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.mapper.internals.MapperMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IocMappingTopologyTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Topics TOPICS = Topics.defaults();

    @TempDir Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> events;
    private TestOutputTopic<String, byte[]> iocs;
    private TestOutputTopic<String, byte[]> skipped;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private int sequence;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void upsertsLiveIndicatorWithEveryIocField() {
        start(Map.of("connector.name", "Intel Feed"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42").labels("botnet", "c2").score(80);

        String eventId = send("create", "id-1", indicator.envelope("create"));

        TestRecord<String, byte[]> record = iocs.readRecord();
        IocCommand command = IocCommandCodec.decode(record.value());
        assertThat(record.key()).isEqualTo("id-1");
        assertThat(command)
                .isEqualTo(
                        IocCommand.upsert(
                                "id-1",
                                indicator.stixId(),
                                eventId,
                                List.of(
                                        new Ioc(
                                                "IPV4",
                                                "203.0.113.42",
                                                "EQUALS",
                                                "Intel Feed",
                                                indicator.stixId(),
                                                "Indicator id-1",
                                                "C2 server seen in campaign X",
                                                "2030-01-01T00:00:00.000Z",
                                                "2024-06-09T22:00:00.000Z",
                                                List.of("botnet", "c2"),
                                                "[ipv4-addr:value = '203.0.113.42']",
                                                "STIX",
                                                80))));
        assertThat(record.headers().toArray()).isEmpty();
        assertThat(skipped.isEmpty()).isTrue();
    }

    @Test
    void keysByInternalIdWhenAPatternEditChangesTheStixId() {
        start(Map.of());
        IndicatorJson before = ipv4("id-1", "203.0.113.42");
        IndicatorJson after = ipv4("id-1", "203.0.113.43");

        send("create", "id-1", before.envelope("create"));
        send("update", "id-1", after.envelope("update"));

        List<IocCommand> commands = commands();
        assertThat(commands).extracting(IocCommand::indicatorId).containsExactly("id-1", "id-1");
        assertThat(commands)
                .extracting(IocCommand::stixId)
                .containsExactly(before.stixId(), after.stixId());
        assertThat(commands.get(1).iocs()).extracting(Ioc::value).containsExactly("203.0.113.43");
    }

    @Test
    void fallsBackToTheRecordKeyAndTopLevelOpenCtiFields() {
        start(Map.of("mapper.min_score", "60", "mapper.detection_only", "true"));
        IndicatorJson old = ipv4("unused", "203.0.113.42").withoutExtension();
        old.set("x_opencti_score", JsonNodeFactory.instance.numberNode(80));
        old.set("x_opencti_detection", JsonNodeFactory.instance.booleanNode(true));

        send("create", "key-7", old.envelope("create"));

        IocCommand command = commands().get(0);
        assertThat(command.action()).isEqualTo(IocAction.UPSERT);
        assertThat(command.indicatorId()).isEqualTo("key-7");
        assertThat(command.iocs().get(0).originalRiskScore()).isEqualTo(80);
    }

    @Test
    void deletesOnDeleteEvent() {
        start(Map.of());
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        String eventId = send("delete", "id-1", indicator.envelope("delete"));

        assertThat(commands())
                .containsExactly(IocCommand.delete("id-1", indicator.stixId(), eventId, "deleted"));
    }

    @Test
    void dispatchesOnTheEventHeaderNotOnTheStoredType() {
        start(Map.of());
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        send("delete", "id-1", indicator.envelope("update"));
        send("create", "id-1", indicator.envelope("update"));

        assertThat(commands())
                .extracting(IocCommand::action)
                .containsExactly(IocAction.DELETE, IocAction.UPSERT);
    }

    @Test
    void deletesRevokedIndicatorAndUpsertsItWhenUnrevoked() {
        start(Map.of());
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        send("update", "id-1", indicator.revoked(true).envelope("update"));
        send("update", "id-1", indicator.revoked(false).envelope("update"));

        List<IocCommand> commands = commands();
        assertThat(commands)
                .extracting(IocCommand::action, IocCommand::reason)
                .containsExactly(tuple(IocAction.DELETE, "revoked"), tuple(IocAction.UPSERT, null));
    }

    @Test
    void deletesIndicatorWhoseValidUntilHasPassed() {
        start(Map.of());
        IndicatorJson expired =
                ipv4("id-1", "203.0.113.42").set("valid_until", "2024-12-31T23:59:59.000Z");
        IndicatorJson open = ipv4("id-2", "203.0.113.43").without("valid_until");

        send("update", "id-1", expired.envelope("update"));
        send("create", "id-2", open.envelope("create"));

        List<IocCommand> commands = commands();
        assertThat(commands.get(0).reason()).isEqualTo("expired");
        assertThat(commands.get(1).iocs().get(0).validUntil()).isNull();
    }

    @Test
    void upsertsMergeTargetAndDeletesEachSource() {
        start(Map.of());
        IndicatorJson target = ipv4("target", "203.0.113.42");
        IndicatorJson first = ipv4("source-1", "203.0.113.42");
        IndicatorJson second = ipv4("source-2", "203.0.113.42");

        String eventId = send("merge", "target", target.mergeEnvelope(first, second));

        List<TestRecord<String, byte[]>> records = iocs.readRecordsToList();
        assertThat(records)
                .extracting(TestRecord::key)
                .containsExactly("target", "source-1", "source-2");
        assertThat(decode(records.get(0)).action()).isEqualTo(IocAction.UPSERT);
        assertThat(decode(records.get(1)))
                .isEqualTo(IocCommand.delete("source-1", first.stixId(), eventId, "merged"));
    }

    @Test
    void deletesIndicatorWhoseScoreDropsBelowTheMinimumAndUpsertsItWhenItRises() {
        start(Map.of("mapper.min_score", "50"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        send("update", "id-1", indicator.score(49).envelope("update"));
        send("update", "id-1", indicator.score(50).envelope("update"));

        assertThat(actionsAndReasons()).containsExactly("delete:filtered", "upsert");
    }

    @Test
    void deletesIndicatorWhoseDetectionIsTurnedOffWhenOnlyDetectionIsSent() {
        start(Map.of("mapper.detection_only", "true"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        send("update", "id-1", indicator.detection(true).envelope("update"));
        send("update", "id-1", indicator.detection(false).envelope("update"));

        assertThat(actionsAndReasons()).containsExactly("upsert", "delete:filtered");
    }

    @Test
    void deletesIndicatorThatGainsAnExcludedTlpMarkingGivenByName() {
        start(Map.of("mapper.exclude_markings", "TLP:RED"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        send("update", "id-1", indicator.markings(IndicatorJson.TLP_GREEN).envelope("update"));
        send("update", "id-1", indicator.markings(IndicatorJson.TLP_RED).envelope("update"));
        send("update", "id-1", indicator.markings().envelope("update"));

        assertThat(actionsAndReasons()).containsExactly("upsert", "delete:filtered", "upsert");
        assertThat(skipped.isEmpty()).isTrue();
    }

    @Test
    void sendsOnlyIndicatorsCarryingAnIncludedLabel() {
        start(Map.of("mapper.include_labels", "C2, phishing"));

        send("create", "id-1", ipv4("id-1", "203.0.113.1").labels("c2").envelope("create"));
        send("create", "id-2", ipv4("id-2", "203.0.113.2").labels("botnet").envelope("create"));
        send("create", "id-3", ipv4("id-3", "203.0.113.3").labels().envelope("create"));

        assertThat(actionsAndReasons())
                .containsExactly("upsert", "delete:filtered", "delete:filtered");
    }

    @Test
    void deletesIndicatorThatGainsAnExcludedLabel() {
        start(Map.of("mapper.exclude_labels", "false-positive"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        send("update", "id-1", indicator.labels("botnet").envelope("update"));
        send("update", "id-1", indicator.labels("botnet", "False-Positive").envelope("update"));

        assertThat(actionsAndReasons()).containsExactly("upsert", "delete:filtered");
    }

    @Test
    void routesUnmappableIndicatorToSkippedAndDeletesIt() {
        start(Map.of());
        IndicatorJson yara =
                indicator("id-9", "rule x { condition: true }").set("pattern_type", "yara");
        byte[] value = yara.envelope("create");

        String eventId = send("create", "id-9", value);

        TestRecord<String, byte[]> record = skipped.readRecord();
        assertThat(record.key()).isEqualTo("id-9");
        assertThat(record.value()).isEqualTo(value);
        assertThat(header(record.headers(), EventHeaders.EVENT_ID)).isEqualTo(eventId);
        assertThat(header(record.headers(), EventHeaders.EVENT)).isEqualTo("create");
        assertThat(header(record.headers(), SkipHeaders.REASON))
                .isEqualTo("unsupported-pattern-type");
        assertThat(header(record.headers(), SkipHeaders.DETAIL)).contains("yara");
        assertThat(commands())
                .containsExactly(IocCommand.delete("id-9", yara.stixId(), eventId, "unmappable"));
    }

    @Test
    void routesPatternSyntaxErrorToSkippedNotToTheDeadLetterTopic() {
        start(Map.of());

        send("create", "id-9", ipv4("id-9", "1.2.3.4'").envelope("create"));

        TestRecord<String, byte[]> record = skipped.readRecord();
        assertThat(header(record.headers(), SkipHeaders.REASON)).isEqualTo("syntax-error");
        assertThat(header(record.headers(), SkipHeaders.DETAIL)).contains("at position");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

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

        unreadable.forEach(value -> send("create", "id-1", value));

        List<TestRecord<byte[], byte[]>> records = deadLetters.readRecordsToList();
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
        assertThat(iocs.isEmpty()).isTrue();
        assertThat(skipped.isEmpty()).isTrue();
        assertThat(count("dead-lettered", "none")).isEqualTo(6);
    }

    @Test
    void deadLettersARecordWithoutTheEventHeader() {
        start(Map.of());
        Headers headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, "1-0".getBytes(StandardCharsets.UTF_8));

        events.pipeInput(
                new TestRecord<>(
                        key("id-1"), ipv4("id-1", "203.0.113.1").envelope("create"), headers, NOW));

        assertThat(header(deadLetters.readRecord().headers(), "__streams.errors.message"))
                .contains(EventHeaders.EVENT);
    }

    @Test
    void ignoresNonIndicatorObjectsAndOtherEnvelopeVersions() {
        start(Map.of());
        var identity = JsonNodeFactory.instance.objectNode();
        identity.put("version", "4");
        identity.putObject("data").put("type", "identity").put("id", "identity--1");
        var marking = identity.deepCopy();
        ((ObjectNode) marking.get("data")).put("type", "marking-definition");
        var oldVersion = ipv4("id-1", "203.0.113.1").envelopeNode("create").put("version", "3");

        send("create", "identity-1", IndicatorJson.bytes(identity));
        send("create", "marking-1", IndicatorJson.bytes(marking));
        send("create", "id-1", IndicatorJson.bytes(oldVersion));

        assertThat(iocs.isEmpty()).isTrue();
        assertThat(skipped.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(count("ignored", "non-indicator")).isEqualTo(2);
        assertThat(count("ignored", "unsupported-version")).isEqualTo(1);
    }

    @Test
    void countsEveryOutcome() {
        start(Map.of());

        send("create", "id-1", ipv4("id-1", "203.0.113.1").envelope("create"));
        send("delete", "id-2", ipv4("id-2", "203.0.113.2").envelope("delete"));
        send("create", "id-3", ipv4("id-3", "10.0.0.0/8").envelope("create"));

        assertThat(count("upsert", "none")).isEqualTo(1);
        assertThat(count("delete", "deleted")).isEqualTo(1);
        assertThat(count("skipped", "cidr-too-wide")).isEqualTo(1);
        assertThat(count("delete", "unmappable")).isEqualTo(1);
    }

    private void start(Map<String, String> settings) {
        Map<String, String> yaml = new HashMap<>(settings);
        yaml.put("mapper.state_dir", stateDir.toString());
        MapperConfig config = MapperConfig.from(ConfigSource.of(yaml, Map.of()));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        IocMappingTopology topology = new IocMappingTopology(config, clock, registry);
        driver = new TopologyTestDriver(topology.build(), topology.streamsProperties());
        ByteArraySerializer bytes = new ByteArraySerializer();
        events = driver.createInputTopic(TOPICS.events(), bytes, bytes);
        StringDeserializer strings = new StringDeserializer();
        ByteArrayDeserializer raw = new ByteArrayDeserializer();
        iocs = driver.createOutputTopic(TOPICS.iocs(), strings, raw);
        skipped = driver.createOutputTopic(TOPICS.skipped(), strings, raw);
        deadLetters = driver.createOutputTopic(TOPICS.eventsDlq(), raw, raw);
    }

    /** Sends one record as the ingester writes it; returns its SSE id. */
    private String send(String event, String key, byte[] value) {
        String eventId = "1718003600123-" + sequence++;
        Headers headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT, event.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.STREAM_ID, "live".getBytes(StandardCharsets.UTF_8));
        events.pipeInput(new TestRecord<>(key(key), value, headers, NOW));
        return eventId;
    }

    private List<IocCommand> commands() {
        return iocs.readRecordsToList().stream().map(IocMappingTopologyTest::decode).toList();
    }

    private List<String> actionsAndReasons() {
        return commands().stream()
                .map(
                        command ->
                                command.action().wireName()
                                        + (command.reason() == null ? "" : ":" + command.reason()))
                .toList();
    }

    private double count(String outcome, String reason) {
        var counter =
                registry.find(MapperMetrics.RECORDS)
                        .tags("outcome", outcome, "reason", reason)
                        .counter();
        return counter == null ? 0 : counter.count();
    }

    private static IocCommand decode(TestRecord<String, byte[]> record) {
        return IocCommandCodec.decode(record.value());
    }

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
