package io.ctipipe.bench.jmh;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.mapper.IocMappingTopology;
import io.ctipipe.mapper.MapperConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Raw event records mapped per second on one thread: the mapper's own topology (JSON parsing,
 * pattern parsing, rules, IOC command encoding, routing) in Kafka Streams' {@code
 * TopologyTestDriver}, so without the broker round trips. The records are the generator's Indicator
 * creates with the headers the ingester writes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MapperBenchmark {
    static final int BATCH = 1_000;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> events;
    private TestOutputTopic<byte[], byte[]> iocs;
    private TestOutputTopic<byte[], byte[]> skipped;
    private List<TestRecord<byte[], byte[]>> records;
    private int next;

    @Setup
    public void start() throws Exception {
        Map<String, String> env =
                Map.of("MAPPER_STATE_DIR", Files.createTempDirectory("bench-mapper").toString());
        MapperConfig config = MapperConfig.from(ConfigSource.of(Map.of(), env));
        IocMappingTopology topology =
                new IocMappingTopology(config, Clock.systemUTC(), new SimpleMeterRegistry());
        driver = new TopologyTestDriver(topology.build(), topology.streamsProperties());
        Topics topics = config.topics();
        ByteArraySerializer bytes = new ByteArraySerializer();
        ByteArrayDeserializer read = new ByteArrayDeserializer();
        events = driver.createInputTopic(topics.events(), bytes, bytes);
        iocs = driver.createOutputTopic(topics.iocs(), read, read);
        skipped = driver.createOutputTopic(topics.skipped(), read, read);
        List<StreamMessage> creates = BenchInput.indicatorCreates(10_000, 11);
        records = new ArrayList<>();
        for (int i = 0; i < creates.size(); i++) {
            records.add(record(creates.get(i), i));
        }
    }

    private static TestRecord<byte[], byte[]> record(StreamMessage message, int sequence) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT, utf8(message.event()));
        headers.add(EventHeaders.EVENT_ID, utf8("1700000000000-" + sequence));
        headers.add(EventHeaders.STREAM_ID, utf8("live"));
        String key = BenchInput.stix(message).path("id").asText();
        return new TestRecord<>(utf8(key), utf8(message.data()), headers);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int mapBatch() {
        for (int i = 0; i < BATCH; i++) {
            events.pipeInput(records.get(next));
            next = next + 1 == records.size() ? 0 : next + 1;
        }
        return iocs.readRecordsToList().size() + skipped.readRecordsToList().size();
    }

    @TearDown
    public void stop() {
        driver.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
