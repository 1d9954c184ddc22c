package io.ctipipe.ops;

import static io.ctipipe.ops.DeadLetterFixtures.Failure;
import static io.ctipipe.ops.DeadLetterFixtures.sinkDeadLetter;
import static io.ctipipe.ops.DeadLetterFixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class DlqCommandIT {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir Path dir;
    private TestPipeline pipeline;

    @BeforeEach
    void setUp(KafkaBroker broker) {
        pipeline = new TestPipeline(broker, dir, 1);
    }

    @AfterEach
    void tearDown() {
        pipeline.close();
    }

    @Test
    void listShowsIndicatorIocStatusErrorAndAttempts() throws Exception {
        deadLetter("ind-1", "1.1.1.1", Failure.exhausted503(NOW.minus(Duration.ofHours(2))));
        deadLetter("ind-2", "2.2.2.2", Failure.rejected400(NOW.minus(Duration.ofHours(1))));

        TestPipeline.Run run = dlq("list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .hasSize(4)
                .first()
                .asString()
                .startsWith("P:O  TIME");
        assertThat(run.out())
                .containsPattern(
                        "0:0 .*ind-1 .*IPV4:1\\.1\\.1\\.1 .*503 .*exhausted: SentinelOne"
                                + " unavailable after 5 attempts .*5")
                .containsPattern("0:1 .*ind-2 .*IPV4:2\\.2\\.2\\.2 .*400 .*rejected: invalid IOC")
                .contains("2 matching record(s).");
    }

    @Test
    void filtersByStatusErrorTextSinceAndLimit() throws Exception {
        deadLetter("ind-1", "1.1.1.1", Failure.exhausted503(NOW.minus(Duration.ofHours(3))));
        deadLetter("ind-2", "2.2.2.2", Failure.rejected400(NOW.minus(Duration.ofHours(2))));
        deadLetter("ind-3", "3.3.3.3", Failure.exhausted503(NOW.minus(Duration.ofMinutes(30))));

        TestPipeline.Run byStatus = dlq("list", "--status", "503");
        TestPipeline.Run byError = dlq("list", "--error", "INVALID ioc");
        TestPipeline.Run since = dlq("list", "--since", "90m");
        TestPipeline.Run limited = dlq("list", "--limit", "1");

        assertThat(byStatus.out()).contains("ind-1", "ind-3").doesNotContain("ind-2");
        assertThat(byError.out()).contains("ind-2").doesNotContain("ind-1", "ind-3");
        assertThat(since.out()).contains("ind-3").doesNotContain("ind-1", "ind-2");
        assertThat(limited.out())
                .contains("ind-1")
                .doesNotContain("ind-2")
                .contains("Showing the first 1 of 3 matching records");
    }

    @Test
    void jsonPrintsOneObjectPerRecord() throws Exception {
        deadLetter("ind-1", "1.1.1.1", Failure.exhausted503(NOW));

        TestPipeline.Run run = dlq("list", "--json");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode entry = new ObjectMapper().readTree(lines.get(0));
        assertThat(entry.get("key").asText()).isEqualTo("ind-1");
        assertThat(entry.get("iocs").get(0).asText()).isEqualTo("IPV4:1.1.1.1");
        assertThat(entry.get("httpStatus").asInt()).isEqualTo(503);
        assertThat(entry.get("attempts").asInt()).isEqualTo(5);
        assertThat(entry.get("time").asText()).isEqualTo(NOW.toString());
        assertThat(entry.get("sourceTopic").asText()).isEqualTo(pipeline.topics.iocs());
    }

    @Test
    void showPrintsHeadersAndPrettyJsonWithoutCredentials() throws Exception {
        ProducerRecord<byte[], byte[]> record =
                sinkDeadLetter(
                        pipeline.topics.iocsDlq(),
                        pipeline.topics.iocs(),
                        upsert("ind-1", "5-0", "1.1.1.1"),
                        Failure.exhausted503(NOW));
        record.headers()
                .add("debug.request", TestPipeline.utf8("Authorization: ApiToken s3cr3tT0ken99"));
        pipeline.send(record);

        TestPipeline.Run run = dlq("show", "0:0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("offset: 0")
                .contains("key: ind-1")
                .contains("ctipipe.dlq.http.status: 503")
                .contains("debug.request: Authorization: ApiToken [hidden]")
                .doesNotContain("s3cr3tT0ken99")
                .contains("  \"action\" : \"upsert\",");
    }

    @Test
    void showSaysWhenThereIsNoSuchRecord() throws Exception {
        TestPipeline.Run run = dlq("show", "0:7");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no record at 0:7");
    }

    @Test
    void skippedTopicListsTheReasonAndCannotBeRedriven() throws Exception {
        pipeline.send(
                DeadLetterFixtures.skipped(
                        pipeline.topics.skipped(),
                        "ind-9",
                        "[file:name = 'x.exe']",
                        "unsupported-object"));

        TestPipeline.Run list = dlq("list", "--topic", "skipped", "--error", "unsupported");
        TestPipeline.Run redrive = dlq("redrive", "--topic", "skipped");

        assertThat(list.out())
                .containsPattern("ind-9 .*\\[file:name = 'x.exe'\\] .*unsupported-object");
        assertThat(redrive.exitCode()).isEqualTo(2);
        assertThat(redrive.err()).contains("skipped Indicators cannot be redriven");
    }

    @Test
    void mapperDeadLettersListWithTheirException() throws Exception {
        pipeline.send(
                DeadLetterFixtures.mapperDeadLetter(
                        pipeline.topics.eventsDlq(),
                        pipeline.topics.events(),
                        "ind-5",
                        "not json"));

        TestPipeline.Run run = dlq("list", "--topic", "events-dlq");

        assertThat(run.out())
                .containsPattern("0:0 .*ind-5 .*UnreadableEventException: event data is not JSON");
    }

    @Test
    void aMissingTopicIsOneClearError() throws Exception {
        String config =
                pipeline.config(Map.of("topics.iocs_dlq", "missing-" + NOW.toEpochMilli()))
                        .toString();

        TestPipeline.Run run = TestPipeline.run(new DlqCommand(), "list", "--config", config);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("topic missing-").contains("does not exist");
    }

    private void deadLetter(String indicator, String ipv4, Failure failure) {
        pipeline.send(
                sinkDeadLetter(
                        pipeline.topics.iocsDlq(),
                        pipeline.topics.iocs(),
                        upsert(indicator, "1772000000000-0", ipv4),
                        failure));
    }

    private TestPipeline.Run dlq(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--config");
        all.add(2, pipeline.config().toString());
        return TestPipeline.run(new DlqCommand(), all.toArray(String[]::new));
    }
}
