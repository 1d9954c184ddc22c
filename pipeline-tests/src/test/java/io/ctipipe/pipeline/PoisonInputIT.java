package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.kafka.SkipHeaders;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.GroundTruth;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.kafka.embedded.TopicContents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: poison through the OpenCTI stream (not JSON, not an object, no data, deep nesting, 5
 * MB messages, a wrong type in every field the mapper reads, fuzzed patterns). Each one ends in the
 * skipped topic or the mapper's dead-letter topic with a reason, once; the services stay up and
 * deliver the traffic that follows.
 */
class PoisonInputIT {
    private static final String STREAMS_EXCEPTION = "__streams.errors.exception";

    @Test
    void routesEveryPoisonMessageWithAReasonAndKeepsDelivering() {
        PoisonEvents poison =
                new PoisonEvents(601).malformed().wrongTypes().fuzzedPatterns(Sizes.indicators(40));
        List<PoisonEvents.Poison> bad = List.copyOf(poison.items());
        ExpectedIoc big = poison.bigButValid();
        try (PipelineRun run = PipelineRun.generated(602, 100, 2)) {
            run.start(SentinelOneEmulatorOptions.defaults(), Map.of());
            run.awaitDrained();

            poison.items().forEach(p -> run.env().opencti().append(p.event(), p.data()));
            GeneratedTraffic later = generate(603);
            run.env().opencti().append(later.messages());
            run.awaitDrained();

            for (String service : List.of("ingester", "mapper", "sink")) {
                assertThat(ServiceHealth.up(run.env().metricsPort(service))).as(service).isTrue();
            }
            GroundTruth bigOne = new GroundTruth(Set.of(big), Set.of(), Map.of());
            run.assertDelivered(Traffic.union(run.truth(), later.groundTruth(), bigOne));
            assertRoutedOnceWithAReason(run, bad);
        }
    }

    private static void assertRoutedOnceWithAReason(
            PipelineRun run, List<PoisonEvents.Poison> bad) {
        Map<String, List<String>> reasons = reasonsByValue(run);
        SoftAssertions softly = new SoftAssertions();
        for (PoisonEvents.Poison item : bad) {
            List<String> found = reasons.getOrDefault(item.data(), List.of());
            softly.assertThat(found).as(item.what()).hasSize(1);
            softly.assertThat(found).as(item.what()).allMatch(reason -> !reason.isBlank());
        }
        softly.assertAll();
    }

    /** The reason of every skipped and dead-lettered record, by its value. */
    private static Map<String, List<String>> reasonsByValue(PipelineRun run) {
        String bootstrap = run.env().broker().bootstrapServers();
        Map<String, List<String>> reasons = new HashMap<>();
        Topics topics = Topics.defaults();
        for (ConsumerRecord<byte[], byte[]> record :
                TopicContents.committed(bootstrap, topics.skipped())) {
            add(reasons, record, SkipHeaders.REASON);
        }
        for (ConsumerRecord<byte[], byte[]> record :
                TopicContents.committed(bootstrap, topics.eventsDlq())) {
            add(reasons, record, STREAMS_EXCEPTION);
        }
        return reasons;
    }

    private static void add(
            Map<String, List<String>> reasons, ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        String reason = header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        String value = new String(record.value(), StandardCharsets.UTF_8);
        reasons.computeIfAbsent(value, key -> new ArrayList<>()).add(reason);
    }

    private static GeneratedTraffic generate(long seed) {
        return TrafficGenerator.seeded(seed)
                .indicators(Sizes.indicators(100))
                .plantedBad(1)
                .generate();
    }
}
