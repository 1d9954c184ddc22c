package io.ctipipe.mapper;

import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.mapper.internals.DeadLetterProcessingHandler;
import io.ctipipe.mapper.internals.EventMapper;
import io.ctipipe.mapper.internals.EventMappingProcessor;
import io.ctipipe.mapper.internals.MapperMetrics;
import io.ctipipe.mapper.internals.RoutedValue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The stateless mapping topology: raw OpenCTI events in, IOC commands (keyed by the Indicator's
 * internal id) and skipped Indicators (original bytes and headers, plus the reason headers) out.
 * Records that cannot be read go to the events dead-letter topic through Kafka Streams' built-in
 * dead-letter support, and everything is written under exactly-once.
 *
 * <pre>
 * events --(map-indicators)--+--> iocs      IocCommand JSON
 *                            +--> skipped   original value, ctipipe.skip.* headers
 *   (unreadable) ------------+--> events dlq original bytes, __streams.errors.* headers
 * </pre>
 */
public final class IocMappingTopology {
    private static final String GLOBAL_HANDLER_ENABLED =
            "processing.exception.handler.global.enabled";

    /**
     * The raw events topic takes records of up to 64 MiB, and the skipped and dead-letter topics
     * get copies of them with added headers. With the producer's 1 MiB default, such a copy fails
     * to send, and Kafka Streams 4.4 then retries the send of the dead-letter record it builds for
     * that failure without end, until the stream thread dies of a StackOverflowError.
     */
    static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024 + 64 * 1024;

    private final MapperConfig config;
    private final EventMapper mapper;
    private final MapperMetrics metrics;

    public IocMappingTopology(MapperConfig config, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.mapper = new EventMapper(config, clock);
        this.metrics = new MapperMetrics(registry);
    }

    /**
     * Builds the topology on a builder configured with {@link #streamsProperties()}; a bare {@code
     * new StreamsBuilder()} would validate a default config and warn about it.
     */
    public Topology build() {
        StreamsConfig streamsConfig = new StreamsConfig(streamsProperties());
        return build(new StreamsBuilder(new TopologyConfig(streamsConfig)));
    }

    /** Adds the topology to {@code builder} and returns the built result. */
    public Topology build(StreamsBuilder builder) {
        Topics topics = config.topics();
        Consumed<byte[], byte[]> raw =
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("opencti-events");
        KStream<String, RoutedValue> routed =
                builder.stream(topics.events(), raw)
                        .process(
                                () -> new EventMappingProcessor(mapper, metrics),
                                Named.as("map-indicators"));
        routed.split(Named.as("route-"))
                .branch(
                        (key, value) -> value.skipped(),
                        Branched.withConsumer(
                                stream -> sink(stream, topics.skipped(), "skipped"), "skipped"))
                .defaultBranch(
                        Branched.withConsumer(
                                stream -> sink(stream, topics.iocs(), "iocs"), "commands"));
        return builder.build();
    }

    private static void sink(KStream<String, RoutedValue> stream, String topic, String name) {
        stream.mapValues(RoutedValue::bytes, Named.as(name + "-bytes"))
                .to(topic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name));
    }

    /**
     * Kafka Streams properties: the Kafka client settings first (so SASL and TLS pass through),
     * then exactly-once, the commit interval, the state directory, the log-and-continue handlers
     * with the dead-letter topic, a producer request size that fits the largest raw event (unless
     * {@code KAFKA_MAX_REQUEST_SIZE} sets one) and lz4 (unless {@code KAFKA_COMPRESSION_TYPE}
     * does).
     */
    public Properties streamsProperties() {
        Properties properties = new Properties();
        properties.putAll(config.kafka().clientConfig());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        properties.put(
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
                config.topics().eventsDlq());
        properties.put(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingHandler.class);
        // The source reads bytes, so this only guards against a future serde change.
        properties.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class);
        // Kafka 5.0 makes this the default and drops the key (deprecated in 4.4); setting it now
        // keeps behaviour the same across that upgrade and silences Streams' startup warning.
        properties.put(GLOBAL_HANDLER_ENABLED, true);
        // Streams 4.4 re-reads its config from the main consumer's settings in the partition
        // assignor, which warns again unless the consumer carries the key too.
        properties.put(StreamsConfig.mainConsumerPrefix(GLOBAL_HANDLER_ENABLED), true);
        properties.put(MapperMetrics.CONFIG_KEY, metrics);
        if (!properties.containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)) {
            properties.put(
                    StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                    MAX_REQUEST_BYTES);
        }
        // Commands and skipped records are JSON (skips carry the raw event): lz4 batches cut what
        // the broker stores and sends. KAFKA_COMPRESSION_TYPE overrides it.
        if (!properties.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            properties.put(
                    StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        }
        return properties;
    }
}
