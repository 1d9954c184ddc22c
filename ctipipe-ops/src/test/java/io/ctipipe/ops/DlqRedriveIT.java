package io.ctipipe.ops;

import static io.ctipipe.ops.DeadLetterFixtures.Failure;
import static io.ctipipe.ops.DeadLetterFixtures.sinkDeadLetter;
import static io.ctipipe.ops.DeadLetterFixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import io.ctipipe.ops.internals.StreamsErrorHeaders;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class DlqRedriveIT {
    private static final Instant NOW = Instant.now();

    @TempDir Path dir;
    private TestPipeline pipeline;

    @BeforeEach
    void setUp(KafkaBroker broker) {
        pipeline = new TestPipeline(broker, dir, 2);
    }

    @AfterEach
    void tearDown() {
        pipeline.close();
    }

    @Test
    void redrivesEachDeadLetterExactlyOnceAcrossRuns() throws Exception {
        List<ProducerRecord<byte[], byte[]>> dead = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            dead.add(deadLetter("ind-" + i, Failure.exhausted503(NOW)));
        }

        TestPipeline.Run first = redrive();
        dead.add(deadLetter("ind-4", Failure.exhausted503(NOW)));
        TestPipeline.Run second = redrive();
        TestPipeline.Run third = redrive();

        assertThat(first.out()).as(first.err()).contains("Redrove 3 record(s)");
        assertThat(second.out()).contains("Redrove 1 record(s)").contains("3 already redriven");
        assertThat(third.out()).contains("Redrove 0 record(s)").contains("4 already redriven");
        List<ConsumerRecord<byte[], byte[]>> sent = pipeline.readAll(pipeline.topics.iocs());
        assertThat(sent).hasSize(4);
        for (ProducerRecord<byte[], byte[]> original : dead) {
            ConsumerRecord<byte[], byte[]> copy = sentFor(sent, original);
            assertThat(copy.value()).isEqualTo(original.value());
            assertThat(names(copy))
                    .containsExactly(
                            EventHeaders.EVENT,
                            EventHeaders.EVENT_ID,
                            DeadLetterHeaders.REDRIVE_COUNT);
            assertThat(TestPipeline.header(copy, EventHeaders.EVENT_ID))
                    .isEqualTo("1772000000000-0");
            assertThat(TestPipeline.header(copy, DeadLetterHeaders.REDRIVE_COUNT)).isEqualTo("1");
        }
    }

    @Test
    void aDeadLetterRedrivenBeforeCountsOneMore() throws Exception {
        ProducerRecord<byte[], byte[]> record =
                sinkDeadLetter(
                        pipeline.topics.iocsDlq(),
                        pipeline.topics.iocs(),
                        upsert("ind-1", "1772000000000-0", "1.1.1.1"),
                        Failure.exhausted503(NOW));
        // As the sink copies it: the redriven record's own count comes before the new context.
        record.headers().add(DeadLetterHeaders.REDRIVE_COUNT, TestPipeline.utf8("1"));
        pipeline.send(record);

        TestPipeline.Run run = redrive();

        assertThat(run.exitCode()).as(run.err()).isZero();
        ConsumerRecord<byte[], byte[]> sent = pipeline.readAll(pipeline.topics.iocs()).get(0);
        assertThat(names(sent)).containsOnlyOnce(DeadLetterHeaders.REDRIVE_COUNT);
        assertThat(TestPipeline.header(sent, DeadLetterHeaders.REDRIVE_COUNT)).isEqualTo("2");
    }

    @Test
    void dryRunSendsNothingAndARealRunThenSendsAll() throws Exception {
        deadLetter("ind-1", Failure.exhausted503(NOW));
        deadLetter("ind-2", Failure.rejected400(NOW));

        TestPipeline.Run dryRun = redrive("--dry-run");

        assertThat(dryRun.out()).contains("Dry run: would redrive 2 record(s)").contains("ind-2");
        assertThat(pipeline.readAll(pipeline.topics.iocs())).isEmpty();
        assertThat(redrive().out()).contains("Redrove 2 record(s)");
        assertThat(pipeline.readAll(pipeline.topics.iocs())).hasSize(2);
    }

    @Test
    void filtersAndLimitChooseWhatIsSent() throws Exception {
        deadLetter("ind-1", Failure.exhausted503(NOW));
        deadLetter("ind-2", Failure.rejected400(NOW));
        deadLetter("ind-3", Failure.exhausted503(NOW));
        deadLetter("ind-4", Failure.exhausted503(NOW));

        TestPipeline.Run byStatus = redrive("--status", "400");
        TestPipeline.Run limited = redrive("--error", "exhausted", "--limit", "2");

        assertThat(byStatus.out()).contains("Redrove 1 record(s)").contains("ind-2");
        assertThat(limited.out()).contains("Redrove 2 record(s)").contains("ind-1", "ind-3");
        assertThat(pipeline.readAll(pipeline.topics.iocs()))
                .extracting(record -> new String(record.key()))
                .containsExactlyInAnyOrder("ind-2", "ind-1", "ind-3");
    }

    @Test
    void mapperDeadLettersGoBackToTheEventsTopicWithoutStreamsContext() throws Exception {
        pipeline.send(
                DeadLetterFixtures.mapperDeadLetter(
                        pipeline.topics.eventsDlq(),
                        pipeline.topics.events(),
                        "ind-5",
                        "{\"x\":1}"));

        TestPipeline.Run run = redrive("--topic", "events-dlq");

        assertThat(run.out()).as(run.err()).contains("Redrove 1 record(s)");
        ConsumerRecord<byte[], byte[]> sent = pipeline.readAll(pipeline.topics.events()).get(0);
        assertThat(new String(sent.value())).isEqualTo("{\"x\":1}");
        assertThat(names(sent))
                .containsExactly(
                        EventHeaders.EVENT, EventHeaders.EVENT_ID, DeadLetterHeaders.REDRIVE_COUNT)
                .noneMatch(name -> name.startsWith(StreamsErrorHeaders.PREFIX));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(String indicator, Failure failure) {
        ProducerRecord<byte[], byte[]> record =
                sinkDeadLetter(
                        pipeline.topics.iocsDlq(),
                        pipeline.topics.iocs(),
                        upsert(indicator, "1772000000000-0", "10.0.0." + indicator.length()),
                        failure);
        pipeline.send(record);
        return record;
    }

    private static ConsumerRecord<byte[], byte[]> sentFor(
            List<ConsumerRecord<byte[], byte[]>> sent, ProducerRecord<byte[], byte[]> original) {
        return sent.stream()
                .filter(record -> java.util.Arrays.equals(record.key(), original.key()))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> names(ConsumerRecord<byte[], byte[]> record) {
        List<String> names = new ArrayList<>();
        for (Header header : record.headers()) {
            names.add(header.key());
        }
        return names;
    }

    private TestPipeline.Run redrive(String... args) throws Exception {
        List<String> all =
                new ArrayList<>(List.of("redrive", "--config", pipeline.config().toString()));
        all.addAll(List.of(args));
        return TestPipeline.run(new DlqCommand(), all.toArray(String[]::new));
    }
}
