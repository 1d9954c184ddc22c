package io.ctipipe.mapper;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.EventHeaders;
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

/**
 * The mapping topology in a {@link TopologyTestDriver} at a fixed clock: the raw events topic in,
 * the IOC, skipped and dead-letter topics out, and the mapper's counters.
 */
final class TopologyFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    static final Topics TOPICS = Topics.defaults();

    final TestInputTopic<byte[], byte[]> events;
    final TestOutputTopic<String, byte[]> iocs;
    final TestOutputTopic<String, byte[]> skipped;
    final TestOutputTopic<byte[], byte[]> deadLetters;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver;
    private int sequence;

    /** A topology with these config.yml settings, its state in {@code stateDir}. */
    TopologyFixture(Path stateDir, Map<String, String> settings) {
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
    String send(String event, String key, byte[] value) {
        String eventId = "1718003600123-" + sequence++;
        Headers headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT, event.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.STREAM_ID, "live".getBytes(StandardCharsets.UTF_8));
        events.pipeInput(new TestRecord<>(key(key), value, headers, NOW));
        return eventId;
    }

    List<IocCommand> commands() {
        return iocs.readRecordsToList().stream().map(TopologyFixture::decode).toList();
    }

    /** Each command as {@code action} or {@code action:reason}. */
    List<String> actionsAndReasons() {
        return commands().stream()
                .map(
                        command ->
                                command.action().wireName()
                                        + (command.reason() == null ? "" : ":" + command.reason()))
                .toList();
    }

    double count(String outcome, String reason) {
        var counter =
                registry.find(MapperMetrics.RECORDS)
                        .tags("outcome", outcome, "reason", reason)
                        .counter();
        return counter == null ? 0 : counter.count();
    }

    /** How many OR branches were dropped for this skip reason code. */
    double droppedBranches(String reason) {
        var counter =
                registry.find(MapperMetrics.OR_BRANCHES_DROPPED).tags("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    static IocCommand decode(TestRecord<String, byte[]> record) {
        return IocCommandCodec.decode(record.value());
    }

    static byte[] key(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
