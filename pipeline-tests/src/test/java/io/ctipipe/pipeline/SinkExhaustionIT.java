package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import io.ctipipe.emulator.opencti.GroundTruth;
import io.ctipipe.emulator.sentinelone.Fault;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.emulator.sentinelone.StoredIoc;
import io.ctipipe.kafka.embedded.TopicContents;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * SentinelOne answers 503 to everything for longer than the sink's retries last. Every batch the
 * sink gives up on must be dead-lettered, never dropped: each expected IOC is then either in
 * SentinelOne or in the dead-letter topic, and after a redrive SentinelOne holds exactly the ground
 * truth. A sink that drops an exhausted batch fails this test.
 */
class SinkExhaustionIT {
    private static final Map<String, String> IMPATIENT_SINK =
            Map.of("SENTINELONE_MAX_API_ATTEMPTS", "2", "SINK_RETRY_BACKOFF", "50ms");

    @Test
    void deadLettersEveryExhaustedBatchAndDeliversItAfterARedrive() {
        SentinelOneEmulatorOptions down =
                SentinelOneEmulatorOptions.builder().randomFault(Fault.status(503), 1.0).build();
        try (PipelineRun run = PipelineRun.generated(701, 200, 2)) {
            run.start(down, IMPATIENT_SINK);
            run.awaitDrained();

            Set<ExpectedIoc> exhausted = exhaustedIocs(run);
            assertThat(unaccounted(run, exhausted))
                    .as("expected IOCs neither in SentinelOne nor dead-lettered")
                    .isEmpty();
            assertThat(exhausted).as("IOCs of exhausted commands").isNotEmpty();

            run.env().sentinelOne().faults().clear();
            redriveExhausted(run);
            run.awaitDrained();

            Set<ExpectedIoc> deadLettered = new HashSet<>(run.truth().rejected());
            deadLettered.addAll(exhausted);
            run.assertDelivered(new GroundTruth(run.truth().expected(), deadLettered, Map.of()));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> exhaustedRecords(PipelineRun run) {
        return TopicContents.committed(
                        run.env().broker().bootstrapServers(), Topics.defaults().iocsDlq())
                .stream()
                .filter(record -> "exhausted".equals(header(record, DeadLetterHeaders.ERROR_CLASS)))
                .toList();
    }

    private static Set<ExpectedIoc> exhaustedIocs(PipelineRun run) {
        Set<ExpectedIoc> iocs = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : exhaustedRecords(run)) {
            IocCommand command = IocCommandCodec.decode(record.value());
            command.iocs()
                    .forEach(
                            ioc ->
                                    iocs.add(
                                            new ExpectedIoc(
                                                    command.indicatorId(),
                                                    ioc.externalId(),
                                                    ioc.type(),
                                                    ioc.value())));
        }
        return iocs;
    }

    /** Expected IOCs that SentinelOne does not hold and no exhausted record carries. */
    private static Set<String> unaccounted(PipelineRun run, Set<ExpectedIoc> exhausted) {
        Set<String> accounted =
                run.env().sentinelOne().storedIocs().stream()
                        .map(SinkExhaustionIT::identity)
                        .collect(Collectors.toSet());
        exhausted.forEach(ioc -> accounted.add(identity(ioc)));
        return run.truth().expected().stream()
                .map(SinkExhaustionIT::identity)
                .filter(identity -> !accounted.contains(identity))
                .collect(Collectors.toSet());
    }

    /** What ctipipe dlq redrive does: the original record back onto the IOC topic. */
    private static void redriveExhausted(PipelineRun run) {
        Map<String, Object> config =
                Map.of("bootstrap.servers", run.env().broker().bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : exhaustedRecords(run)) {
                RecordHeaders headers = new RecordHeaders();
                for (Header header : record.headers()) {
                    if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                        headers.add(header);
                    }
                }
                producer.send(
                        new ProducerRecord<>(
                                Topics.defaults().iocs(),
                                null,
                                record.key(),
                                record.value(),
                                headers));
            }
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String identity(StoredIoc ioc) {
        return ioc.externalId() + " " + ioc.type() + " " + ioc.value();
    }

    private static String identity(ExpectedIoc ioc) {
        return ioc.externalId() + " " + ioc.type() + " " + ioc.value();
    }
}
