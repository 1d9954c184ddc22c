package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.kafka.embedded.TopicContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline at TRACE, through Kafka SASL/PLAIN set only with {@code KAFKA_*} variables,
 * with distinctive values for the OpenCTI token, the SentinelOne key and the SASL password, and
 * with errors on the way (refused credentials, dead letters, an unreadable event). No secret may
 * show in any log event of this JVM (stack traces included), in /metrics or /health of a service,
 * in a dead-letter or skipped record, or in {@code ctipipe dlq show}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretLeakIT {
    private static final String OPENCTI_TOKEN = "octi-token-S3CRET-7c1e9a";
    private static final String SENTINELONE_KEY = "s1-key-S3CRET-4b2d8f";
    private static final String SASL_PASSWORD = "sasl-pw-S3CRET-93fa0c";
    private static final List<String> SECRETS =
            List.of(OPENCTI_TOKEN, SENTINELONE_KEY, SASL_PASSWORD);

    private Path dir;
    private SaslBroker broker;
    private List<String> logs;
    private final Map<String, String> endpoints = new HashMap<>();
    private final List<String> records = new ArrayList<>();
    private final GeneratedTraffic later =
            TrafficGenerator.seeded(802).indicators(20).plantedBad(1).generate();

    @BeforeAll
    void runTheScenarioAtTrace(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        broker = SaslBroker.start(dir.resolve("kafka"), SASL_PASSWORD);
        try (LogCapture capture = LogCapture.attach();
                PipelineRun run = PipelineRun.generated(801, 100, 2)) {
            start(run);
            run.awaitDrained();
            injectErrors(run);
            run.awaitDrained();

            run.assertDelivered(Traffic.union(run.truth(), later.groundTruth()));
            collectEndpoints(run, "after");
            collectRecords();
            logs = capture.lines();
        } finally {
            // LogSettings raises Kafka's loggers to DEBUG at TRACE and never lowers them again.
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.getLogger("org.apache.kafka").setLevel(Level.WARN);
        }
    }

    @AfterAll
    void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void logsShowNoSecretAtTrace() {
        assertThat(logs)
                .as("TRACE lines of the services and DEBUG lines of the SASL clients were seen")
                .anyMatch(line -> line.startsWith("TRACE io.ctipipe"))
                .anyMatch(line -> line.contains("SASL") && line.startsWith("DEBUG org.apache"));
        assertNoSecret("log", logs);
    }

    @Test
    void metricsAndHealthShowNoSecret() {
        assertThat(endpoints).containsKeys("during sink /health", "after ingester /metrics");
        assertThat(endpoints.get("during sink /health")).contains("SENTINELONE_API_KEY");
        endpoints.forEach((where, body) -> assertNoSecret(where, List.of(body)));
    }

    @Test
    void deadLetterAndSkippedRecordsShowNoSecret() {
        assertThat(records).anyMatch(text -> text.contains("ctipipe.dlq.error.class=rejected"));
        assertThat(records).anyMatch(text -> text.contains("__streams.errors.exception="));
        assertNoSecret("record", records);
    }

    @Test
    void dlqShowPrintsNoSecret() throws Exception {
        assumeThat(dlqCommandAvailable()).as("ctipipe dlq is wired into the tool").isTrue();
        List<String> shown = new ArrayList<>();
        for (String topic : List.of("iocs-dlq", "events-dlq")) {
            ServiceProcess show =
                    ServiceProcess.start(
                            List.of("dlq", "show", "--topic", topic, firstCoordinates(topic)),
                            broker.clientVariables(SASL_PASSWORD),
                            List.of(),
                            dir.resolve("dlq-show-" + topic + ".log"));
            assertThat(show.exitCode(60)).isZero();
            shown.add(show.output());
        }
        assertNoSecret("dlq show", shown);
    }

    @Test
    void theSaslListenerRefusesAWrongPassword() {
        try (Admin admin = Admin.create(broker.clientConfig("not-the-password"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private void start(PipelineRun run) {
        run.env().useBroker(broker, dir.resolve("streams"), PipelineRun.PARTITIONS);
        run.env()
                .useOpenCti(
                        OpenCtiEmulator.start(
                                OpenCtiEmulatorOptions.builder()
                                        .token(OPENCTI_TOKEN)
                                        .heartbeatPeriod(Duration.ofSeconds(1))
                                        .initialEvents(run.traffic().messages())
                                        .build()));
        run.env()
                .useSentinelOne(
                        SentinelOneEmulator.start(
                                SentinelOneEmulatorOptions.builder()
                                        .apiToken(SENTINELONE_KEY)
                                        .build()));
        Map<String, String> overrides = new HashMap<>(broker.clientVariables(SASL_PASSWORD));
        overrides.put("CONNECTOR_LOG_LEVEL", "trace");
        overrides.put("SENTINELONE_API_KEY", "APIToken " + SENTINELONE_KEY);
        run.env().startServices(PipelineRun.quick(overrides));
    }

    /** Refused credentials on both sides, and an event the mapper cannot read. */
    private void injectErrors(PipelineRun run) {
        run.env().sentinelOne().faults().authOutage(Duration.ofSeconds(4));
        run.env().opencti().faults().reject(401, Duration.ofSeconds(1));
        run.env().opencti().faults().dropOpenConnections();
        run.env().opencti().append("create", "{\"version\":\"4\",\"data\":");
        run.env()
                .opencti()
                .append(
                        TrafficGenerator.seeded(802)
                                .indicators(20)
                                .plantedBad(1)
                                .generate()
                                .messages());
        await("the sink reports the refused credentials")
                .atMost(Duration.ofSeconds(4))
                .until(() -> !ServiceHealth.up(run.env().metricsPort("sink")));
        collectEndpoints(run, "during");
    }

    private void collectEndpoints(PipelineRun run, String when) {
        for (String service : List.of("ingester", "mapper", "sink")) {
            int port = run.env().metricsPort(service);
            for (String path : List.of("/health", "/metrics")) {
                String body = ServiceHealth.get(port, path).body();
                endpoints.put(when + " " + service + " " + path, body);
            }
        }
    }

    private void collectRecords() {
        Topics topics = Topics.defaults();
        for (String topic : List.of(topics.iocsDlq(), topics.eventsDlq(), topics.skipped())) {
            for (ConsumerRecord<byte[], byte[]> record :
                    TopicContents.committed(broker.bootstrapServers(), topic)) {
                records.add(text(record));
            }
        }
    }

    private static String text(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder(record.topic());
        text.append(' ').append(utf8(record.key()));
        for (Header header : record.headers()) {
            text.append(' ').append(header.key()).append('=').append(utf8(header.value()));
        }
        return text.append(' ').append(utf8(record.value())).toString();
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void assertNoSecret(String where, List<String> texts) {
        for (String secret : SECRETS) {
            assertThat(texts)
                    .as("%s lines holding the secret %s", where, secret)
                    .filteredOn(text -> text.contains(secret))
                    .isEmpty();
        }
    }

    /** Whether {@code ctipipe --help} lists the dlq command. */
    private boolean dlqCommandAvailable() throws InterruptedException {
        ServiceProcess help =
                ServiceProcess.start(
                        List.of("--help"), Map.of(), List.of(), dir.resolve("help.log"));
        help.exitCode(60);
        return help.output().lines().anyMatch(line -> line.trim().startsWith("dlq "));
    }

    private String firstCoordinates(String kind) {
        Topics topics = Topics.defaults();
        String topic = kind.equals("iocs-dlq") ? topics.iocsDlq() : topics.eventsDlq();
        ConsumerRecord<byte[], byte[]> first =
                TopicContents.committed(broker.bootstrapServers(), topic).get(0);
        return first.partition() + ":" + first.offset();
    }
}
