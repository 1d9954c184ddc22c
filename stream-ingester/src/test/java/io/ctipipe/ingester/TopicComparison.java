package io.ctipipe.ingester;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.ingester.IngesterFixture.Published;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares the events topic with the emulator's log: no loss, no duplicate, order per key. */
final class TopicComparison {
    private TopicComparison() {}

    static void assertExactlyOnce(
            List<Published> published, List<StreamMessage> log, String streamId) {
        List<Published> entries = published.stream().filter(p -> !p.isDependency()).toList();
        Map<String, StreamMessage> byId =
                log.stream().collect(Collectors.toMap(StreamMessage::id, Function.identity()));

        assertThat(entries).extracting(Published::id).doesNotHaveDuplicates();
        assertThat(entries)
                .extracting(Published::id)
                .containsExactlyInAnyOrderElementsOf(byId.keySet());
        for (Published entry : entries) {
            StreamMessage expected = byId.get(entry.id());
            assertThat(entry.data()).as("data of %s", entry.id()).isEqualTo(expected.data());
            assertThat(entry.event()).as("event of %s", entry.id()).isEqualTo(expected.event());
            assertThat(entry.stream()).isEqualTo(streamId);
        }
        assertOrderedPerPartition(published);
        assertDependenciesCameWithTheirEntry(published, byId.keySet());
    }

    private static void assertOrderedPerPartition(List<Published> published) {
        Map<Integer, List<Published>> byPartition =
                published.stream().collect(Collectors.groupingBy(Published::partition));
        byPartition.values().forEach(TopicComparison::assertNonDecreasing);
    }

    private static void assertNonDecreasing(List<Published> records) {
        for (int i = 1; i < records.size(); i++) {
            StreamPosition before = StreamPosition.parse(records.get(i - 1).id());
            StreamPosition after = StreamPosition.parse(records.get(i).id());
            assertThat(after).as("order at %s", after).isGreaterThanOrEqualTo(before);
        }
    }

    private static void assertDependenciesCameWithTheirEntry(
            List<Published> published, Set<String> ids) {
        assertThat(published.stream().filter(Published::isDependency).map(Published::id))
                .allMatch(ids::contains);
    }
}
