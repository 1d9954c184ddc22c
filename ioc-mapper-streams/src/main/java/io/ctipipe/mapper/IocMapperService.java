package io.ctipipe.mapper;

import io.ctipipe.contracts.observability.Health;
import io.ctipipe.contracts.observability.RunningService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapper service: runs {@link IocMappingTopology} in Kafka Streams and binds Kafka Streams'
 * metrics to the caller's registry. Healthy while Kafka Streams is RUNNING or REBALANCING. An error
 * that escapes the record handlers (the broker gone for good, a fenced producer that cannot
 * recover) stops the client, so health turns down and the operator's supervisor restarts it.
 *
 * <p>The topics must exist: the caller creates them (see {@code TopicProvisioner}).
 */
public final class IocMapperService implements RunningService {
    private static final Logger log = LoggerFactory.getLogger(IocMapperService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final MapperConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    public IocMapperService(MapperConfig config, MeterRegistry registry) {
        this(config, registry, Clock.systemUTC());
    }

    /** With the clock that decides whether {@code valid_until} is past. */
    public IocMapperService(MapperConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("the mapper is already started");
        }
        log.info("Starting IOC mapper config={}", config);
        IocMappingTopology topology = new IocMappingTopology(config, clock, registry);
        streams = new KafkaStreams(topology.build(), topology.streamsProperties());
        streams.setUncaughtExceptionHandler(this::onFatalError);
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.start();
    }

    private StreamThreadExceptionResponse onFatalError(Throwable error) {
        log.error("IOC mapper stops after an unrecoverable error", error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    @Override
    public synchronized Health health() {
        if (streams == null) {
            return Health.down("not started");
        }
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return up ? Health.ok() : Health.down("kafka streams state " + state);
    }

    @Override
    public synchronized void close() {
        if (streams == null) {
            return;
        }
        log.info("Stopping IOC mapper applicationId={}", config.applicationId());
        streams.close(CLOSE_TIMEOUT);
        streamsMetrics.close();
        log.info("IOC mapper stopped applicationId={}", config.applicationId());
    }
}
