package io.ctipipe.cli.quickstart;

import io.ctipipe.cli.ServiceDefinition;
import io.ctipipe.cli.ServiceRunner;
import io.ctipipe.cli.Services;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.sentinelone.Fault;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.kafka.embedded.EmbeddedKafkaBroker;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    public static final String MAPPER_GROUP = "ctipipe-mapper";
    public static final String SINK_GROUP = "ctipipe-sink";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrometheusMeterRegistry registry = ServiceRunner.newRegistry();
    private final Map<String, ServiceRunner.Started> services = new HashMap<>();
    private EmbeddedKafkaBroker broker;
    private OpenCtiEmulator opencti;
    private SentinelOneEmulator sentinelOne;

    public EmbeddedKafkaBroker startBroker(int partitions) {
        broker = track(EmbeddedKafkaBroker.startTemporary());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, Topics.defaults(), partitions, (short) 1);
        }
        return broker;
    }

    public OpenCtiEmulator startOpenCti(GeneratedTraffic traffic) {
        OpenCtiEmulatorOptions options =
                OpenCtiEmulatorOptions.builder()
                        .heartbeatPeriod(Duration.ofSeconds(1))
                        .retention(Math.max(100_000, traffic.messages().size() * 2))
                        .initialEvents(traffic.messages())
                        .build();
        opencti = track(OpenCtiEmulator.start(options));
        return opencti;
    }

    public SentinelOneEmulator startSentinelOne(QuickstartOptions options) {
        double share = options.faultShare() / 2;
        SentinelOneEmulatorOptions s1 =
                SentinelOneEmulatorOptions.builder()
                        .seed(options.seed())
                        .latency(options.latency())
                        .randomFault(Fault.status(503), share)
                        .randomFault(Fault.tooManyRequests(Duration.ofSeconds(1)), share / 2)
                        .randomFault(Fault.tooManyRequests(null), share / 2)
                        .build();
        sentinelOne = track(SentinelOneEmulator.start(s1));
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
        env.put("MAPPER_STATE_DIR", broker.directory().resolve("streams").toString());
        env.put("MAPPER_APPLICATION_ID", MAPPER_GROUP);
        env.put("SINK_GROUP_ID", SINK_GROUP);
        env.put("TOPICS_CREATE", "false");
        // Smaller batches than production's 500: more requests, so retries show in a short run.
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

    public int metricsPort(String service) {
        return services.get(service).endpoint().port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public EmbeddedKafkaBroker broker() {
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
