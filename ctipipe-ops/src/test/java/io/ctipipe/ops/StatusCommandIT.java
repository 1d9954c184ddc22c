package io.ctipipe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import io.ctipipe.ops.internals.IngesterPositionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
class StatusCommandIT {
    private static final Instant HOUR_AGO = Instant.now().minus(Duration.ofHours(1));

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
    void reportsTheLagTheTestProducedPerPartitionAndInTotal() throws Exception {
        produce(pipeline.topics.events(), 0, 5, null);
        produce(pipeline.topics.events(), 1, 3, null);
        produce(pipeline.topics.iocs(), 0, 4, null);
        produce(pipeline.topics.iocsDlq(), 1, 2, null);
        pipeline.commit(pipeline.mapperGroup, pipeline.topics.events(), Map.of(0, 2L));
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), Map.of(0, 4L, 1, 0L));

        JsonNode status = json(status("--json"));

        JsonNode mapper = status.get("stages").get(0);
        assertThat(mapper.get("lag").asLong()).isEqualTo(6);
        assertThat(mapper.get("partitions").get(0).get("lag").asLong()).isEqualTo(3);
        assertThat(mapper.get("partitions").get(0).get("committed").asLong()).isEqualTo(2);
        assertThat(mapper.get("partitions").get(1).get("lag").asLong()).isEqualTo(3);
        assertThat(mapper.get("partitions").get(1).has("committed")).isFalse();
        assertThat(status.get("stages").get(1).get("lag").asLong()).isZero();
        assertThat(status.get("deadLetters").get(0).get("records").asLong()).isEqualTo(2);
        assertThat(status.get("skipped").get("records").asLong()).isZero();
    }

    @Test
    void readsTheLastCommitTimeFromTheBroker() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        produce(pipeline.topics.iocs(), 0, 2, null);
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), Map.of(0, 1L));

        JsonNode sink = json(status("--json")).get("stages").get(1);

        assertThat(sink.get("commitTimesKnown").asBoolean()).isTrue();
        Instant lastCommit = Instant.parse(sink.get("lastCommit").asText());
        assertThat(lastCommit).isBetween(before, Instant.now());
        assertThat(sink.get("partitions").get(0).get("lastCommit").asText())
                .isEqualTo(lastCommit.toString());
    }

    @Test
    void callsAStageStuckWhenOldWorkWaitsWithoutACommit() throws Exception {
        produce(pipeline.topics.iocs(), 0, 3, HOUR_AGO);
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), Map.of(0, 1L, 1, 0L));
        Map<String, String> oneSecond = Map.of("status.stuck_after", "1s");

        TestPipeline.Run fresh = status();

        assertThat(fresh.exitCode()).as(fresh.out()).isZero();
        assertThat(fresh.out()).contains("behind by 2 record(s), committing");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status(oneSecond).exitCode() == StatusCommand.STUCK);
        assertThat(status(oneSecond).out())
                .containsPattern(
                        "sink .*stuck: 2 record\\(s\\) waiting since .*no commit for over 1 s")
                .contains("Result: STUCK");
    }

    @Test
    void watchingCallsAStageStuckWhenItsOffsetsDoNotMove() throws Exception {
        produce(pipeline.topics.events(), 0, 3, null);
        pipeline.commit(pipeline.mapperGroup, pipeline.topics.events(), Map.of(0, 1L));

        TestPipeline.Run run = status("--watch-seconds", "1");

        assertThat(run.exitCode()).isEqualTo(StatusCommand.STUCK);
        assertThat(run.out())
                .containsPattern(
                        "mapper .*stuck: 2 record\\(s\\) waiting and no commit during 1 s");
    }

    @Test
    void showsTheIngesterPositionAndCallsAnOldOneStuck() throws Exception {
        int partition = IngesterPositionStore.partition(pipeline.streamId, 2);
        IngesterState state = new IngesterState("1772000000000-3", HOUR_AGO, null);
        pipeline.send(
                new ProducerRecord<>(
                        pipeline.topics.ingesterState(),
                        partition,
                        TestPipeline.utf8(pipeline.streamId),
                        state.toJson()));

        TestPipeline.Run run = status();

        assertThat(run.exitCode()).isEqualTo(StatusCommand.STUCK);
        assertThat(run.out())
                .contains("ingester  stream " + pipeline.streamId + ": position 1772000000000-3")
                .contains("stuck: position not written since");
    }

    @Test
    void anIdlePipelineIsOk() throws Exception {
        TestPipeline.Run run = status();

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("ok: no lag").contains("Result: ok");
    }

    private void produce(String topic, int partition, int count, Instant time) {
        for (int i = 0; i < count; i++) {
            Long timestamp = time == null ? null : time.toEpochMilli();
            pipeline.send(topic, partition, timestamp, "k" + i, "{}");
        }
    }

    private TestPipeline.Run status(String... args) throws Exception {
        return status(Map.of(), args);
    }

    private TestPipeline.Run status(Map<String, String> settings, String... args) throws Exception {
        List<String> all =
                new ArrayList<>(List.of("--config", pipeline.config(settings).toString()));
        all.addAll(List.of(args));
        return TestPipeline.run(new StatusCommand(), all.toArray(String[]::new));
    }

    private static JsonNode json(TestPipeline.Run run) throws Exception {
        assertThat(run.err()).isEmpty();
        return new ObjectMapper().readTree(run.out());
    }
}
