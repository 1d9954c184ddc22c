package io.ctipipe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kafka-consumer-groups --reset-offsets} (Kafka's own ConsumerGroupCommand, in-process) and
 * {@code ctipipe replay} move two groups that start from the same offsets; both must end at the
 * same offsets for the same spec.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaToolsAgreementIT {
    private static final Map<Integer, Long> START = Map.of(0, 7L, 1, 3L, 2, 9L);
    private static final Instant NOW = Instant.now();

    @TempDir Path dir;
    private TestPipeline pipeline;

    @BeforeEach
    void setUp(KafkaBroker broker) throws Exception {
        pipeline = new TestPipeline(broker, dir, 3);
        for (int i = 0; i < 10; i++) {
            long time = NOW.minus(Duration.ofMinutes(10L * (10 - i))).toEpochMilli();
            for (int partition = 0; partition < 3; partition++) {
                pipeline.send(pipeline.topics.iocs(), partition, time, "k" + i, "{}");
            }
        }
        Exit.setExitProcedure(
                (code, message) -> {
                    throw new IllegalStateException("kafka-consumer-groups exited: " + message);
                });
    }

    @AfterEach
    void tearDown() {
        Exit.resetExitProcedure();
        pipeline.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--to-earliest",
                "--to-latest",
                "--to-offset 5",
                "--to-offset 20",
                "--shift-by -4",
                "--shift-by 2",
                "--by-duration PT35M",
                "--to-datetime @55"
            })
    void kafkaConsumerGroupsAndReplayAgree(String spec) throws Exception {
        List<String> args = specArgs(spec);
        String toolGroup = "tool-" + UUID.randomUUID();
        pipeline.commit(toolGroup, pipeline.topics.iocs(), START);
        pipeline.commit(pipeline.sinkGroup, pipeline.topics.iocs(), START);

        runTool(toolGroup, args);
        TestPipeline.Run replay = replay(args);

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(pipeline.committed(pipeline.sinkGroup))
                .isEqualTo(pipeline.committed(toolGroup))
                .isNotEqualTo(START);
    }

    /** {@code @M} stands for the time M minutes ago, in the tool's own format. */
    private static List<String> specArgs(String spec) {
        List<String> args = new ArrayList<>(List.of(spec.split(" ")));
        if (args.size() > 1 && args.get(1).startsWith("@")) {
            long minutes = Long.parseLong(args.get(1).substring(1));
            Instant time = NOW.minus(Duration.ofMinutes(minutes));
            args.set(
                    1,
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
                            .format(time.atOffset(ZoneOffset.UTC)));
        }
        return args;
    }

    private void runTool(String group, List<String> spec) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--bootstrap-server",
                                pipeline.broker.bootstrapServers(),
                                "--group",
                                group,
                                "--topic",
                                pipeline.topics.iocs(),
                                "--reset-offsets",
                                "--execute"));
        args.addAll(spec);
        ConsumerGroupCommand.main(args.toArray(String[]::new));
    }

    private TestPipeline.Run replay(List<String> spec) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--config",
                                pipeline.config().toString(),
                                "--stage",
                                "sink",
                                "--execute"));
        args.addAll(spec);
        return TestPipeline.run(new ReplayCommand(), args.toArray(String[]::new));
    }
}
