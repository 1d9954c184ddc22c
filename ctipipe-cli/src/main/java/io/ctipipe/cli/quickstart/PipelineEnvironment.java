package io.ctipipe.cli.quickstart;

import io.ctipipe.cli.ServiceDefinition;
import io.ctipipe.cli.ServiceRunner;
import io.ctipipe.cli.Services;
import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.GroundTruth;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.sentinelone.Fault;
import io.ctipipe.emulator.sentinelone.RepeatMode;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.ingester.StreamIngesterService;
import io.ctipipe.kafka.embedded.EmbeddedKafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a whole-pipeline run needs on one machine: the embedded broker, both emulators and the
 * three services, started in order and closed in reverse. The services are built exactly as {@code
 * ctipipe ingester|mapper|sink} build them, from a config source of environment-style variables.
 */
public final class PipelineEnvironment implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PipelineEnvironment.class);

    public static final String MAPPER_GROUP = ConfigKeys.MAPPER_APPLICATION_ID.defaultValue();
    public static final String SINK_GROUP = ConfigKeys.SINK_GROUP_ID.defaultValue();

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrometheusMeterRegistry registry = ServiceRunner.newRegistry();
    private final Map<String, ServiceRunner.Started> services = new HashMap<>();
    private KafkaBroker broker;
    private Path stateDir;
    private OpenCtiEmulator opencti;
    private SentinelOneEmulator sentinelOne;

    public EmbeddedKafkaBroker startBroker(int partitions) {
        EmbeddedKafkaBroker embedded = track(EmbeddedKafkaBroker.startTemporary());
        useBroker(embedded, embedded.directory().resolve("streams"), partitions);
        return embedded;
    }

    /**
     * Runs the pipeline on a broker the caller started and closes (one with a SASL listener, or one
     * a test stops and starts again); creates the topics with this many partitions. The mapper
     * keeps its state in stateDir.
     */
    public void useBroker(KafkaBroker external, Path stateDir, int partitions) {
        this.broker = external;
        this.stateDir = stateDir;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, Topics.defaults(), partitions, (short) 1);
        }
    }

    public OpenCtiEmulator startOpenCti(GeneratedTraffic traffic) {
        OpenCtiEmulatorOptions options =
                OpenCtiEmulatorOptions.builder()
                        .heartbeatPeriod(Duration.ofSeconds(1))
                        .retention(Math.max(100_000, traffic.messages().size() * 2))
                        .initialEvents(traffic.messages())
                        .build();
        return useOpenCti(OpenCtiEmulator.start(options));
    }

    /** Runs the pipeline against an emulator the caller started (faults, HTTPS); closed here. */
    public OpenCtiEmulator useOpenCti(OpenCtiEmulator emulator) {
        opencti = track(emulator);
        return opencti;
    }

    public SentinelOneEmulator startSentinelOne(QuickstartOptions options) {
        double share = options.faultShare() / 2;
        SentinelOneEmulatorOptions s1 =
                SentinelOneEmulatorOptions.builder()
                        .seed(options.seed())
                        // The harder of the two modes: a repeated POST makes a new record, so
                        // any duplicate upload would show as a duplicate IOC.
                        .repeatMode(RepeatMode.NEW_RECORD)
                        .latency(options.latency())
                        .randomFault(Fault.status(503), share)
                        .randomFault(Fault.tooManyRequests(Duration.ofSeconds(1)), share / 2)
                        .randomFault(Fault.tooManyRequests(null), share / 2)
                        .build();
        return useSentinelOne(SentinelOneEmulator.start(s1));
    }

    /** Runs the pipeline against an emulator the caller started (faults, HTTPS); closed here. */
    public SentinelOneEmulator useSentinelOne(SentinelOneEmulator emulator) {
        sentinelOne = track(emulator);
        return sentinelOne;
    }

    public void startServices() {
        startServices(Map.of());
    }

    /** Starts sink, mapper and ingester with these variables over the defaults. */
    public void startServices(Map<String, String> overrides) {
        for (String name : List.of("sink", "mapper", "ingester")) {
            startService(name, overrides);
        }
    }

    /** Starts one service (ingester, mapper or sink); it must not be running. */
    public void startService(String name, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(variables());
        env.putAll(overrides);
        ConfigSource source = ConfigSource.of(Map.of(), env);
        ServiceRunner.Started started = ServiceRunner.start(definition(name), source, registry);
        if (services.putIfAbsent(name, started) != null) {
            started.close();
            throw new IllegalStateException(name + " is already running");
        }
    }

    /** Stops one service the way a deployment does (graceful close). */
    public void stopService(String name) {
        ServiceRunner.Started started = services.remove(name);
        if (started != null) {
            started.close();
        }
    }

    private static ServiceDefinition<?> definition(String name) {
        return switch (name) {
            case "ingester" -> Services.INGESTER;
            case "mapper" -> Services.MAPPER;
            case "sink" -> Services.SINK;
            default -> throw new IllegalArgumentException("no service " + name);
        };
    }

    /** The settings a user would put in the environment to run against these emulators. */
    public Map<String, String> variables() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENCTI_URL", opencti.baseUrl());
        env.put("OPENCTI_TOKEN", opencti.token());
        env.put("CONNECTOR_ID", UUID.nameUUIDFromBytes("quickstart".getBytes()).toString());
        env.put("CONNECTOR_LIVE_STREAM_ID", opencti.streamId());
        env.put("SENTINELONE_URL", sentinelOne.baseUrl());
        env.put("SENTINELONE_API_KEY", sentinelOne.apiToken());
        env.put("SENTINELONE_ACCOUNT_ID", sentinelOne.accountId());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("MAPPER_STATE_DIR", stateDir.toString());
        env.put(ConfigKeys.MAPPER_APPLICATION_ID.env(), MAPPER_GROUP);
        env.put(ConfigKeys.SINK_GROUP_ID.env(), SINK_GROUP);
        env.put("TOPICS_CREATE", "false");
        // Smaller batches than production's 1000: more requests, so retries show in a short run.
        env.put("SENTINELONE_BATCH_SIZE", "100");
        env.put("SINK_RETRY_BACKOFF", "200ms");
        env.put("METRICS_HOST", "127.0.0.1");
        env.put("INGESTER_METRICS_PORT", "0");
        env.put("MAPPER_METRICS_PORT", "0");
        env.put("SINK_METRICS_PORT", "0");
        return env;
    }

    public io.ctipipe.contracts.observability.RunningService service(String name) {
        return services.get(name).service();
    }

    /**
     * True once the stored ingester position (as ingesterState reads it) has reached the last entry
     * of the OpenCTI emulator's stream, and neither the mapper nor the sink has records left.
     */
    public boolean drained(Supplier<Optional<IngesterState>> ingesterState)
            throws ExecutionException, InterruptedException {
        try (PipelineProbe probe =
                new PipelineProbe(
                        broker.bootstrapServers(),
                        registry,
                        ingesterState,
                        opencti.lastEventId())) {
            return probe.drained();
        }
    }

    /** The same, with the position of the ingester running in this environment. */
    public boolean drained() throws ExecutionException, InterruptedException {
        return drained(this::ingesterState);
    }

    private Optional<IngesterState> ingesterState() {
        ServiceRunner.Started ingester = services.get("ingester");
        return ingester == null
                ? Optional.empty()
                : ((StreamIngesterService) ingester.service()).committedState();
    }

    /**
     * How SentinelOne's IOCs and the sink's dead letters differ from the ground truth (missing,
     * extra, duplicated, planted but not dead-lettered, dead-lettered but not planted), a few
     * examples each; empty when they match exactly.
     */
    public List<String> differences(GroundTruth truth) {
        return check(truth).describe();
    }

    DeliveryCheck check(GroundTruth truth) {
        List<IocIdentity> held =
                sentinelOne.storedIocs().stream()
                        .map(ioc -> new IocIdentity(ioc.externalId(), ioc.type(), ioc.value()))
                        .toList();
        List<IocIdentity> deadLettered =
                DeadLetterReader.rejected(broker.bootstrapServers(), Topics.defaults().iocsDlq());
        return DeliveryCheck.compare(
                identities(truth.expected()), held, identities(truth.rejected()), deadLettered);
    }

    private static Set<IocIdentity> identities(Set<ExpectedIoc> iocs) {
        return iocs.stream()
                .map(ioc -> new IocIdentity(ioc.externalId(), ioc.type(), ioc.value()))
                .collect(Collectors.toSet());
    }

    public int metricsPort(String service) {
        return services.get(service).endpoint().port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public OpenCtiEmulator opencti() {
        return opencti;
    }

    public SentinelOneEmulator sentinelOne() {
        return sentinelOne;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        List.copyOf(services.keySet()).forEach(this::stopService);
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close resource={}", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
