package io.ctipipe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import io.ctipipe.ops.internals.IngesterPositionStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class IngesterReplayIT {
    private static final Instant RECOVER = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir Path dir;
    private TestPipeline pipeline;

    @BeforeEach
    void setUp(KafkaBroker broker) {
        pipeline = new TestPipeline(broker, dir, 3);
    }

    @AfterEach
    void tearDown() {
        pipeline.close();
    }

    @Test
    void rewritesTheStoredPositionWhereTheIngesterReadsIt() throws Exception {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        writeState(new IngesterState("1772000000000-4", hourAgo, RECOVER));

        TestPipeline.Run dryRun = replay("--from", "1700000000000-0");
        TestPipeline.Run run = replay("--from", "1700000000000-0", "--execute");

        assertThat(dryRun.out())
                .contains("position 1772000000000-4 (2026-02-25T06:13:20Z) -> 1700000000000-0")
                .contains("Nothing changed");
        assertThat(run.exitCode()).as(run.err()).isZero();
        IngesterState latest = latestState();
        assertThat(latest.position()).isEqualTo("1700000000000-0");
        assertThat(latest.recoverUntil()).isEqualTo(RECOVER);
        assertThat(latest.updatedAt()).isAfter(hourAgo);
    }

    @Test
    void takesAnIsoDateAsTheStartOfThatDay() throws Exception {
        writeState(
                new IngesterState(
                        "1772000000000-4", Instant.now().minus(Duration.ofHours(1)), null));

        TestPipeline.Run run = replay("--from", "2026-02-24", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        long millis = Instant.parse("2026-02-24T00:00:00Z").toEpochMilli();
        assertThat(latestState().position()).isEqualTo(millis + "-0");
    }

    @Test
    void refusesWhileTheIngesterLooksAliveUnlessForced() throws Exception {
        writeState(new IngesterState("1772000000000-4", Instant.now(), null));

        TestPipeline.Run refused = replay("--from", "0-0", "--execute");
        TestPipeline.Run forced = replay("--from", "0-0", "--execute", "--force");
        TestPipeline.Run again = replay("--from", "5-0", "--execute");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("looks alive")
                .contains("--force")
                .contains("nothing was changed");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("(--force given)");
        assertThat(again.exitCode()).as("the replay's own write is no sign of life").isZero();
        assertThat(latestState().position()).isEqualTo("5-0");
    }

    @Test
    void writesAFirstPositionWhenNoneIsStored() throws Exception {
        TestPipeline.Run run = replay("--from", "0-0", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(none stored) -> 0-0");
        assertThat(latestState().position()).isEqualTo("0-0");
    }

    private TestPipeline.Run replay(String... args) throws Exception {
        String[] all = new String[args.length + 4];
        all[0] = "--config";
        all[1] = pipeline.config().toString();
        all[2] = "--stage";
        all[3] = "ingester";
        System.arraycopy(args, 0, all, 4, args.length);
        return TestPipeline.run(new ReplayCommand(), all);
    }

    /** As the ingester writes it: keyed by stream id, in the murmur2 partition of the key. */
    private void writeState(IngesterState state) {
        pipeline.send(
                new ProducerRecord<>(
                        pipeline.topics.ingesterState(),
                        IngesterPositionStore.partition(pipeline.streamId, 3),
                        key(),
                        state.toJson()));
    }

    /** As the ingester reads it back: the last record for its key in its partition. */
    private IngesterState latestState() {
        int partition = IngesterPositionStore.partition(pipeline.streamId, 3);
        List<ConsumerRecord<byte[], byte[]>> records =
                pipeline.readAll(pipeline.topics.ingesterState()).stream()
                        .filter(record -> record.partition() == partition)
                        .filter(record -> Arrays.equals(record.key(), key()))
                        .toList();
        return IngesterState.fromJson(records.get(records.size() - 1).value());
    }

    private byte[] key() {
        return pipeline.streamId.getBytes(StandardCharsets.UTF_8);
    }
}
