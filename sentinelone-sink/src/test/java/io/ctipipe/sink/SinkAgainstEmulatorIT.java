package io.ctipipe.sink;

import static io.ctipipe.sink.SinkHarness.PATIENCE;
import static io.ctipipe.sink.SinkHarness.ioc;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import io.ctipipe.emulator.sentinelone.Fault;
import io.ctipipe.emulator.sentinelone.RepeatMode;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.emulator.sentinelone.StoredIoc;
import io.ctipipe.emulator.tls.SelfSignedCertificate;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import io.ctipipe.sink.internals.SinkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sink against the SentinelOne emulator and a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class SinkAgainstEmulatorIT {
    private static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    private SentinelOneEmulator emulator;
    private SinkHarness harness;

    private void start(KafkaBroker broker, RepeatMode mode) {
        emulator =
                SentinelOneEmulator.start(
                        SentinelOneEmulatorOptions.builder().repeatMode(mode).build());
        harness = new SinkHarness(broker, 2);
    }

    private Map<String, String> env() {
        return harness.env(emulator.baseUrl() + "/", emulator.apiToken(), emulator.accountId());
    }

    @AfterEach
    void stop() {
        harness.close();
        emulator.close();
    }

    @Test
    void deadLettersOnlyTheBadItemOfABatchOf100(KafkaBroker broker) {
        start(broker, RepeatMode.UPSERT);
        for (int i = 0; i < 100; i++) {
            String value = i == 37 ? EMPTY_MD5 : String.format("%032x", i + 1);
            harness.upsert("ind-" + i, "indicator--" + i, ioc("MD5", value, "indicator--" + i));
        }

        harness.start(env());
        harness.awaitCommitted();

        List<ConsumerRecord<byte[], byte[]>> dead = harness.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("ind-37");
        assertThat(header(dead.get(0), DeadLetterHeaders.ERROR_CLASS)).isEqualTo("rejected");
        assertThat(header(dead.get(0), DeadLetterHeaders.HTTP_STATUS)).isEqualTo("400");
        assertThat(header(dead.get(0), DeadLetterHeaders.REJECTED_IOCS))
                .isEqualTo("MD5:" + EMPTY_MD5);
        assertThat(EmulatorView.ours(emulator)).hasSize(99);
        assertThat(emulator.requestCount("POST")).isEqualTo(2);
    }

    @Test
    void aCredentialsOutageDeadLettersNothingAndRecovers(KafkaBroker broker) {
        start(broker, RepeatMode.UPSERT);
        emulator.faults().authOutage(Duration.ofSeconds(4));
        harness.upsert("ind-1", "indicator--1", ioc("DNS", "one.example", "indicator--1"));
        harness.upsert("ind-2", "indicator--2", ioc("DNS", "two.example", "indicator--2"));

        SentinelOneSinkService sink = harness.start(env());

        Awaitility.await()
                .atMost(PATIENCE)
                .until(
                        () ->
                                !sink.health().up()
                                        && sink.health().detail().contains("SENTINELONE_API_KEY"));
        harness.awaitCommitted();
        assertThat(EmulatorView.ours(emulator)).hasSize(2);
        assertThat(emulator.statusCount(401)).isGreaterThan(1);
        assertThat(harness.deadLetters()).isEmpty();
        Awaitility.await().atMost(PATIENCE).until(() -> sink.health().up());
    }

    @Test
    void anUntrustedCertificatePausesTheSinkAndDeadLettersNothing(KafkaBroker broker)
            throws Exception {
        emulator =
                SentinelOneEmulator.startHttps(
                        SentinelOneEmulatorOptions.defaults(),
                        SelfSignedCertificate.serverContext());
        harness = new SinkHarness(broker, 2);
        harness.upsert("ind-1", "indicator--1", ioc("DNS", "one.example", "indicator--1"));
        harness.upsert("ind-2", "indicator--2", ioc("DNS", "two.example", "indicator--2"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        SentinelOneSinkService sink = harness.start(env(), registry);

        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> tlsRetries(registry) >= 3 && !sink.health().up());
        assertThat(sink.health().detail())
                .contains("127.0.0.1:" + emulator.port(), "certificate not trusted", "trustStore");
        assertThat(harness.deadLetters()).isEmpty();
        assertThat(harness.committed()).isZero();
        assertThat(emulator.requestCount()).isZero();
    }

    private static double tlsRetries(SimpleMeterRegistry registry) {
        return registry.find(SinkMetrics.API_RETRIES).tag("cause", "tls").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @ParameterizedTest
    @EnumSource(RepeatMode.class)
    void createUpdateDeleteLeavesTheEmulatorEmpty(RepeatMode mode, KafkaBroker broker)
            throws Exception {
        start(broker, mode);
        postFromAnotherSource("evil.example");
        SentinelOneSinkService sink = harness.start(env());

        harness.upsert(
                "ind-1",
                "indicator--a",
                ioc("DNS", "evil.example", "indicator--a"),
                ioc("IPV4", "203.0.113.5", "indicator--a"));
        harness.awaitCommitted();
        assertThat(EmulatorView.copies(emulator))
                .containsOnly(Map.entry("DNS:evil.example", 1L), Map.entry("IPV4:203.0.113.5", 1L));

        harness.upsert(
                "ind-1",
                "indicator--b",
                ioc("DNS", "evil.example", "indicator--b"),
                ioc("URL", "http://evil.example/x", "indicator--b"));
        harness.awaitCommitted();
        assertThat(EmulatorView.copies(emulator))
                .containsOnly(
                        Map.entry("DNS:evil.example", 1L),
                        Map.entry("URL:http://evil.example/x", 1L));
        assertThat(EmulatorView.ours(emulator))
                .extracting(StoredIoc::externalId)
                .containsOnly("indicator--b");

        harness.delete("ind-1");
        harness.awaitCommitted();
        assertThat(EmulatorView.ours(emulator)).isEmpty();
        assertThat(emulator.storedIocs())
                .extracting(StoredIoc::source)
                .containsExactly("Other feed");
        assertThat(sink.health().up()).isTrue();
    }

    @Test
    void skipsAnOlderRedrivenUpsertAfterADeleteAndDeadLettersGarbage(KafkaBroker broker) {
        start(broker, RepeatMode.NEW_RECORD);
        var create =
                io.ctipipe.contracts.ioc.IocCommand.upsert(
                        "ind-1",
                        "indicator--a",
                        harness.nextEventId(),
                        List.of(ioc("DNS", "old.example", "indicator--a")));
        harness.send(create);
        harness.delete("ind-1");
        harness.start(env());
        harness.awaitCommitted();

        harness.send(create);
        harness.send("ind-2", "not json".getBytes(StandardCharsets.UTF_8), new RecordHeaders());
        harness.awaitCommitted();

        assertThat(EmulatorView.ours(emulator)).isEmpty();
        List<ConsumerRecord<byte[], byte[]>> dead = harness.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), DeadLetterHeaders.ERROR_CLASS)).isEqualTo("undecodable");
    }

    @Test
    void removesTheCopyLeftByALostResponse(KafkaBroker broker) {
        start(broker, RepeatMode.NEW_RECORD);
        emulator.faults().enqueue("POST", Fault.lostResponse());
        harness.upsert("ind-1", "indicator--a", ioc("DNS", "twice.example", "indicator--a"));

        harness.start(env());
        harness.awaitCommitted();

        assertThat(emulator.requestCount("POST")).isEqualTo(2);
        assertThat(EmulatorView.copies(emulator)).containsOnly(Map.entry("DNS:twice.example", 1L));
    }

    private void postFromAnotherSource(String value) throws Exception {
        String body =
                "{\"filter\":{\"accountIds\":[\""
                        + emulator.accountId()
                        + "\"]},\"data\":[{"
                        + "\"type\":\"DNS\",\"value\":\""
                        + value
                        + "\",\"method\":\"EQUALS\","
                        + "\"source\":\"Other feed\",\"externalId\":\"indicator--other\"}]}";
        Request request =
                new Request.Builder()
                        .url(emulator.baseUrl() + "/web/api/v2.1/threat-intelligence/iocs")
                        .header("Authorization", "ApiToken " + emulator.apiToken())
                        .post(RequestBody.create(body, MediaType.get("application/json")))
                        .build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
