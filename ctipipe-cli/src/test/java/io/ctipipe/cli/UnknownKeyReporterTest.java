package io.ctipipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ctipipe.cli.UnknownKeyReporter.UnknownKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class UnknownKeyReporterTest {
    private final UnknownKeyReporter reporter =
            new UnknownKeyReporter(ConfigReference.byEnvironmentName().values(), null);
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnknownKeyReporter.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @TempDir Path dir;

    @BeforeEach
    void captureLogs() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logged);
    }

    @Test
    void suggestsTheKnownKeyATypoIsClosestTo() {
        List<UnknownKey> unknown =
                reporter.unknown(
                        List.of(
                                "sentinelone.batchsize",
                                "sentinelone.batch_size",
                                "SINK_GROUP_ID",
                                "totally.unrelated"));

        assertThat(unknown)
                .containsExactly(
                        new UnknownKey(
                                "sentinelone.batchsize", Optional.of("sentinelone.batch_size")),
                        new UnknownKey("SINK_GROUP_ID", Optional.of("sink.group_id")),
                        new UnknownKey("totally.unrelated", Optional.empty()));
    }

    @Test
    void kafkaClientPropertiesAreNeverUnknown() {
        List<UnknownKey> unknown =
                reporter.unknown(
                        List.of(
                                "kafka.bootstrap.servers",
                                "kafka.security.protocol",
                                "kafka.sasl.jaas.config"));

        assertThat(unknown).isEmpty();
    }

    @Test
    void warnsOncePerUnknownKeyWithoutItsValueAndStillRuns() throws Exception {
        Path config =
                Files.writeString(
                        dir.resolve("config.yml"),
                        "sentinelone:\n  apikey: TopSecretValue\n  batch_size: 10\nfoo: bar\n");
        Path input = Files.createFile(dir.resolve("empty.json"));

        CommandOutput run =
                CommandOutput.run("map", "--config", config.toString(), input.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(logged.list).allMatch(event -> event.getLevel() == Level.WARN);
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "Unknown config.yml key ignored key=sentinelone.apikey file="
                                + config
                                + " (did you mean sentinelone.api_key?)",
                        "Unknown config.yml key ignored key=foo file=" + config)
                .noneMatch(message -> message.contains("TopSecretValue"));
    }

    @Test
    void helpReadsNoConfig() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yml"), "foo: bar\n");

        CommandOutput.run("sink", "--config", config.toString(), "--help");

        assertThat(logged.list).isEmpty();
    }

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertThat(UnknownKeyReporter.distance("batchsize", "batch_size")).isEqualTo(1);
        assertThat(UnknownKeyReporter.distance("sink", "sink")).isZero();
        assertThat(UnknownKeyReporter.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(UnknownKeyReporter.distance("", "abc")).isEqualTo(3);
    }
}
