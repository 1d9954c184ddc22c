package io.ctipipe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class ReplayCommandIT {
    private static final Instant BASE = Instant.parse("2026-03-03T10:00:00Z");

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
    void dryRunShowsCurrentAndNewOffsetsAndChangesNothing() throws Exception {
        fillIocs(5);
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), Map.of(0, 4L, 1, 5L));

        TestPipeline.Run run = replay("--stage", "sink", "--to-earliest");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Dry run of the sink")
                .containsPattern("0\\s+4\\s+0\\s+-4")
                .containsPattern("1\\s+5\\s+0\\s+-5")
                .contains("add --execute");
        assertThat(pipeline.committed(pipeline.sinkGroup))
                .containsEntry(0, 4L)
                .containsEntry(1, 5L);
    }

    @Test
    void executeMovesTheSinkGroupToEarliest() throws Exception {
        fillIocs(5);
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), Map.of(0, 4L, 1, 5L));

        TestPipeline.Run run = replay("--stage", "sink", "--to-earliest", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Moved group " + pipeline.sinkGroup + ": 2 of 2");
        assertThat(pipeline.committed(pipeline.sinkGroup))
                .containsEntry(0, 0L)
                .containsEntry(1, 0L);
    }

    @Test
    void toDatetimeStartsAtTheFirstRecordAtOrAfterThatTime() throws Exception {
        fillEvents(6);
        String time =
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        BASE.plus(Duration.ofMinutes(3)).atOffset(ZoneOffset.UTC));

        TestPipeline.Run run = replay("--stage", "mapper", "--to-datetime", time, "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(pipeline.committed(pipeline.mapperGroup))
                .containsEntry(0, 3L)
                .containsEntry(1, 3L);
    }

    @Test
    void toDatetimePastTheLastRecordMeansLatest() throws Exception {
        fillEvents(6);

        TestPipeline.Run run =
                replay("--stage", "mapper", "--to-datetime", "2030-01-01", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(pipeline.committed(pipeline.mapperGroup))
                .containsEntry(0, 6L)
                .containsEntry(1, 6L);
    }

    @Test
    void partitionOffsetsMoveOnlyTheListedPartitionsClampedToTheLog() throws Exception {
        fillIocs(5);
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), Map.of(0, 5L, 1, 5L));

        TestPipeline.Run run = replay("--stage", "sink", "--to-offset", "0:2,1:99", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(pipeline.committed(pipeline.sinkGroup))
                .containsEntry(0, 2L)
                .containsEntry(1, 5L);
    }

    @Test
    void shiftByMovesBackFromTheCommittedOffsetClampedToTheStart() throws Exception {
        fillIocs(5);
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), Map.of(0, 4L, 1, 1L));

        TestPipeline.Run run = replay("--stage", "sink", "--shift-by", "-2", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(pipeline.committed(pipeline.sinkGroup))
                .containsEntry(0, 2L)
                .containsEntry(1, 0L);
    }

    @Test
    void refusesWhileAMemberIsActiveAndChangesNothing() throws Exception {
        fillIocs(3);
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), Map.of(0, 3L, 1, 3L));

        try (KafkaConsumer<byte[], byte[]> member = member(pipeline.sinkGroup)) {
            member.subscribe(List.of(pipeline.topics.iocs()));
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    !member.poll(Duration.ofMillis(100)).isEmpty()
                                            || !member.assignment().isEmpty());

            TestPipeline.Run run = replay("--stage", "sink", "--to-earliest", "--execute");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains("consumer group " + pipeline.sinkGroup + " is active")
                    .contains("stop the sink first")
                    .contains("nothing was changed");
        }
        assertThat(pipeline.committed(pipeline.sinkGroup))
                .containsEntry(0, 3L)
                .containsEntry(1, 3L);
    }

    @Test
    void resendMakesTheSinkForgetEveryIndicatorItRemembers() throws Exception {
        fillIocs(2);
        String state = pipeline.topics.sinkState();
        pipeline.send(state, 0, null, "indicator-a", "{\"eventId\":\"1-0\"}");
        pipeline.send(state, 0, null, "indicator-b", "{\"eventId\":\"2-0\"}");
        pipeline.send(state, 1, null, "indicator-c", "{\"eventId\":\"3-0\"}");
        pipeline.send(state, 1, null, "indicator-c", null);

        TestPipeline.Run run = replay("--stage", "sink", "--to-earliest", "--resend", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("forgot what it uploaded for 2 Indicators");
        List<ConsumerRecord<byte[], byte[]>> records = pipeline.readAll(state);
        Map<String, byte[]> latest = new HashMap<>();
        records.forEach(r -> latest.put(new String(r.key(), StandardCharsets.UTF_8), r.value()));
        assertThat(records).hasSize(6);
        assertThat(latest).containsOnlyKeys("indicator-a", "indicator-b", "indicator-c");
        assertThat(latest.values()).allMatch(Objects::isNull);
        assertThat(pipeline.committed(pipeline.sinkGroup)).containsEntry(0, 0L);
    }

    @Test
    void rejectsASpecForTheIngesterAndAMissingSpecForAGroup() throws Exception {
        TestPipeline.Run ingester = replay("--stage", "ingester", "--to-earliest");
        TestPipeline.Run sink = replay("--stage", "sink");
        TestPipeline.Run both = replay("--stage", "sink", "--to-earliest", "--to-latest");

        assertThat(ingester.exitCode()).isEqualTo(2);
        assertThat(ingester.err()).contains("--stage ingester needs --from");
        assertThat(sink.exitCode()).isEqualTo(2);
        assertThat(sink.err()).contains("needs one of --to-datetime");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    private TestPipeline.Run replay(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = pipeline.config().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TestPipeline.run(new ReplayCommand(), all);
    }

    /** {@code count} records per partition, one minute apart from BASE. */
    private void fillEvents(int count) {
        fill(pipeline.topics.events(), count);
    }

    private void fillIocs(int count) {
        fill(pipeline.topics.iocs(), count);
    }

    private void fill(String topic, int count) {
        for (int i = 0; i < count; i++) {
            long time = BASE.plus(Duration.ofMinutes(i)).toEpochMilli();
            pipeline.send(topic, 0, time, "key-" + i, "{\"n\":" + i + "}");
            pipeline.send(topic, 1, time, "key-" + i, "{\"n\":" + i + "}");
        }
    }

    private KafkaConsumer<byte[], byte[]> member(String group) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        pipeline.broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class));
    }
}
