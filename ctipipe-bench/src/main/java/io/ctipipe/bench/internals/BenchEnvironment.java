package io.ctipipe.bench.internals;

import io.ctipipe.cli.ServiceDefinition;
import io.ctipipe.cli.ServiceRunner;
import io.ctipipe.cli.Services;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.sentinelone.ArrivalListener;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.kafka.embedded.EmbeddedKafkaBroker;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker, the OpenCTI emulator (empty at first), SentinelOne emulators that report
 * every arrival, and the services, each in its own JVM or in this one. The quickstart's {@code
 * PipelineEnvironment} cannot be used as it is: it builds its SentinelOne emulator itself, without
 * an arrival listener, and runs the services in its own JVM only.
 */
final class BenchEnvironment implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BenchEnvironment.class);

    static final String SINK_GROUP = "ctipipe-sink";
    static final String BASELINE_GROUP = "ctipipe-sink-baseline";

    private final BenchOptions options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrometheusMeterRegistry registry = ServiceRunner.newRegistry();
    private EmbeddedKafkaBroker broker;
    private OpenCtiEmulator opencti;

    BenchEnvironment(BenchOptions options) {
        this.options = options;
    }

    void startBroker() {
        broker = track(EmbeddedKafkaBroker.startTemporary());
        createTopics(Topics.defaults());
        createTopics(baselineTopics());
    }

    private void createTopics(Topics topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            TopicProvisioner.ensureTopics(admin, topics, options.partitions(), (short) 1);
        }
    }

    /** The baseline sink keeps its own memory of uploads, so it sends everything again. */
    static Topics baselineTopics() {
        Topics defaults = Topics.defaults();
        return new Topics(
                defaults.events(),
                defaults.ingesterState(),
                defaults.iocs(),
                defaults.skipped(),
                defaults.eventsDlq(),
                defaults.iocsDlq() + ".baseline",
                defaults.sinkState() + ".baseline");
    }

    OpenCtiEmulator startOpenCti(int retention) {
        OpenCtiEmulatorOptions settings =
                OpenCtiEmulatorOptions.builder()
                        .heartbeatPeriod(Duration.ofSeconds(1))
                        .retention(Math.max(100_000, retention))
                        .build();
        opencti = track(OpenCtiEmulator.start(settings));
        return opencti;
    }

    SentinelOneEmulator startSentinelOne(ArrivalListener arrivals) {
        SentinelOneEmulatorOptions settings =
                SentinelOneEmulatorOptions.builder()
                        .latency(options.latency())
                        .arrivals(arrivals)
                        .build();
        return track(SentinelOneEmulator.start(settings));
    }

    /** Starts one service ({@code ingester}, {@code mapper} or {@code sink}). */
    ServiceHandle startService(String name, Map<String, String> env) {
        return startService(name, name, env);
    }

    /** Starts a service under a label of its own (its log file and JFR recording). */
    ServiceHandle startService(String name, String label, Map<String, String> env) {
        int port = freePort();
        Map<String, String> all = new HashMap<>(env);
        all.put(name.toUpperCase(Locale.ROOT) + "_METRICS_PORT", Integer.toString(port));
        ServiceHandle handle =
                options.separateJvms()
                        ? ServiceProcess.start(
                                name,
                                all,
                                jvmOptions(label),
                                options.workDir().resolve(label + ".log"),
                                port)
                        : inProcess(name, all);
        return track(handle);
    }

    private List<String> jvmOptions(String name) {
        List<String> jvm = new ArrayList<>(options.jvmOptions());
        if (options.jfr()) {
            jvm.add(
                    "-XX:StartFlightRecording=settings=profile,filename="
                            + options.workDir().resolve(name + ".jfr"));
        }
        return jvm;
    }

    private ServiceHandle inProcess(String name, Map<String, String> env) {
        ConfigSource source = ConfigSource.of(Map.of(), env);
        ServiceRunner.Started started = ServiceRunner.start(definition(name), source, registry);
        return new InProcessService(name, started);
    }

    private static ServiceDefinition<?> definition(String name) {
        return switch (name) {
            case "ingester" -> Services.INGESTER;
            case "mapper" -> Services.MAPPER;
            case "sink" -> Services.SINK;
            default -> throw new IllegalArgumentException("no service " + name);
        };
    }

    /** The settings of the pipeline's services, before the command line's overrides. */
    Map<String, String> variables(SentinelOneEmulator sentinelOne) {
        Map<String, String> env = new HashMap<>();
        env.put("OPENCTI_URL", opencti.baseUrl());
        env.put("OPENCTI_TOKEN", opencti.token());
        env.put("CONNECTOR_ID", UUID.nameUUIDFromBytes("bench".getBytes()).toString());
        env.put("CONNECTOR_LIVE_STREAM_ID", opencti.streamId());
        env.put("SENTINELONE_URL", sentinelOne.baseUrl());
        env.put("SENTINELONE_API_KEY", sentinelOne.apiToken());
        env.put("SENTINELONE_ACCOUNT_ID", sentinelOne.accountId());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("MAPPER_STATE_DIR", broker.directory().resolve("streams").toString());
        env.put("SINK_GROUP_ID", SINK_GROUP);
        env.put("SINK_STATE_DIR", options.workDir().resolve("sink-state").toString());
        env.put("TOPICS_CREATE", "false");
        env.put("METRICS_HOST", "127.0.0.1");
        env.putAll(options.overrides());
        return env;
    }

    /** A sink configured like the original connector: one IOC per request, one at a time. */
    Map<String, String> baselineVariables(SentinelOneEmulator sentinelOne) {
        Map<String, String> env = variables(sentinelOne);
        Topics topics = baselineTopics();
        env.put("SINK_GROUP_ID", BASELINE_GROUP);
        env.put("SINK_TRANSACTIONAL_ID", BASELINE_GROUP);
        env.put("TOPICS_SINK_STATE", topics.sinkState());
        env.put("TOPICS_IOCS_DLQ", topics.iocsDlq());
        env.put("SENTINELONE_BATCH_SIZE", "1");
        env.put("SINK_MAX_IN_FLIGHT", "1");
        env.put("SINK_LINGER", "0");
        return env;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
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
