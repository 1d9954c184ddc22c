package io.ctipipe.sink;

import static io.ctipipe.sink.SinkHarness.ioc;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retry behaviour against a scripted console, with exact request counts. */
@ExtendWith(KafkaBrokerExtension.class)
class SinkRetryIT {
    private static final String TOKEN = "it-secret-token-123";

    private final MockWebServer server = new MockWebServer();
    private final ScriptedConsole console = new ScriptedConsole();
    private SinkHarness harness;

    private SinkHarness start(KafkaBroker broker) throws Exception {
        server.setDispatcher(console);
        server.start();
        harness = new SinkHarness(broker, 1);
        return harness;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        server.close();
    }

    private void startSink() {
        harness.start(harness.env(server.url("/").toString(), TOKEN, "1"));
    }

    @Test
    void uploadsOnceAfterATransient503(KafkaBroker broker) throws Exception {
        start(broker);
        console.then(1, ScriptedConsole.status(503, "{\"errors\":[]}"));
        harness.upsert("ind-1", "indicator--1", ioc("DNS", "evil.example", "indicator--1"));

        startSink();
        harness.awaitCommitted();

        assertThat(console.received("POST")).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void waitsForRetryAfterOn429(KafkaBroker broker) throws Exception {
        start(broker);
        console.then(1, new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        harness.upsert("ind-1", "indicator--1", ioc("DNS", "evil.example", "indicator--1"));

        startSink();
        harness.awaitCommitted();

        List<ScriptedConsole.Received> posts = console.received("POST");
        assertThat(posts).hasSize(2);
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void exhaustionDeadLettersWithTheDocumentedHeaders(KafkaBroker broker) throws Exception {
        start(broker);
        String body =
                "{\"errors\":[{\"detail\":\"token " + TOKEN + " is busy\"}]}" + "x".repeat(900);
        console.always(ScriptedConsole.status(503, body));
        IocCommand command =
                IocCommand.upsert(
                        "ind-9",
                        "indicator--9",
                        harness.nextEventId(),
                        List.of(ioc("IPV4", "203.0.113.9", "indicator--9")));
        byte[] value = IocCommandCodec.encode(command);
        RecordHeaders headers = new RecordHeaders();
        headers.add("opencti.event.id", new byte[] {1, 2, 3});
        Instant before = Instant.now();
        harness.send("ind-9", value, headers);

        startSink();
        harness.awaitCommitted();

        List<ConsumerRecord<byte[], byte[]>> dead = harness.deadLetters();
        assertThat(dead).hasSize(1);
        ConsumerRecord<byte[], byte[]> record = dead.get(0);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("ind-9");
        assertThat(record.value()).isEqualTo(value);
        assertThat(record.headers().lastHeader("opencti.event.id").value())
                .isEqualTo(new byte[] {1, 2, 3});
        assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo(harness.topics().iocs());
        assertThat(header(record, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(record, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(record, DeadLetterHeaders.STAGE)).isEqualTo("sink");
        assertThat(header(record, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("exhausted");
        assertThat(header(record, DeadLetterHeaders.ERROR_MESSAGE))
                .contains("3 attempt(s)", "HTTP 503");
        assertThat(header(record, DeadLetterHeaders.HTTP_STATUS)).isEqualTo("503");
        assertThat(header(record, DeadLetterHeaders.RESPONSE_SNIPPET))
                .hasSizeLessThanOrEqualTo(500)
                .contains("is busy")
                .doesNotContain(TOKEN);
        assertThat(header(record, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        Instant first = Instant.parse(header(record, DeadLetterHeaders.FIRST_ATTEMPT));
        Instant last = Instant.parse(header(record, DeadLetterHeaders.LAST_ATTEMPT));
        assertThat(first).isAfterOrEqualTo(before.minusSeconds(1)).isBeforeOrEqualTo(last);
        assertThat(record.headers().lastHeader(DeadLetterHeaders.REJECTED_IOCS)).isNull();
        assertThat(console.received("POST")).hasSize(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aDeadLetteredCommandIsAppliedWhenRedriven(KafkaBroker broker) throws Exception {
        start(broker);
        console.then(3, ScriptedConsole.status(503, ""));
        IocCommand command =
                IocCommand.upsert(
                        "ind-7",
                        "indicator--7",
                        harness.nextEventId(),
                        List.of(ioc("DNS", "redrive.example", "indicator--7")));
        harness.send(command);
        startSink();
        harness.awaitCommitted();

        harness.send(command);
        harness.awaitCommitted();

        assertThat(harness.deadLetters()).hasSize(1);
        assertThat(console.received("POST")).hasSize(4);
        assertThat(console.received("GET")).hasSize(1);
    }

    @Test
    void stopsAndReportsWhenTheConsoleAnswersSomethingUnexpected(KafkaBroker broker)
            throws Exception {
        start(broker);
        console.always(ScriptedConsole.status(404, "<html>no such page</html>"));
        harness.upsert("ind-1", "indicator--1", ioc("DNS", "evil.example", "indicator--1"));

        SentinelOneSinkService sink =
                harness.start(harness.env(server.url("/").toString(), TOKEN, "1"));

        Awaitility.await()
                .atMost(SinkHarness.PATIENCE)
                .until(() -> !sink.health().up() && sink.health().detail().contains("HTTP 404"));
        assertThat(harness.committed()).isZero();
        assertThat(harness.deadLetters()).isEmpty();
        assertThat(console.received("POST")).hasSize(1);
    }

    @Test
    void stopsWithAClearReasonWhenTheStateTopicIsMissing(KafkaBroker broker) throws Exception {
        start(broker);
        var env = harness.env(server.url("/").toString(), TOKEN, "1");
        env.put("TOPICS_SINK_STATE", "no-such-topic");

        SentinelOneSinkService sink = harness.start(env);

        Awaitility.await()
                .atMost(SinkHarness.PATIENCE)
                .until(
                        () ->
                                !sink.health().up()
                                        && sink.health().detail().contains("no-such-topic"));
        assertThat(server.getRequestCount()).isZero();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
