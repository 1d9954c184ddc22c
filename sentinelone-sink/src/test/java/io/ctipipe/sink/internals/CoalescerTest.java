package io.ctipipe.sink.internals;

import static io.ctipipe.sink.internals.Fixtures.ioc;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.IocCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CoalescerTest {
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    private void add(String indicatorId, String eventId) {
        IocCommand command =
                IocCommand.upsert(
                        indicatorId, "indicator--1", eventId, List.of(ioc("DNS", "a.b", "x")));
        records.add(Fixtures.record(command, records.size()).record());
    }

    @Test
    void keepsTheNewestCommandPerIndicator() {
        add("a", "10-0");
        add("b", "10-0");
        add("a", "12-0");
        add("a", "11-0");

        CycleInput input = Coalescer.coalesce(records, command -> IndicatorState.NONE);

        assertThat(input.commands())
                .extracting(c -> c.indicatorId() + "@" + c.command().eventId())
                .containsExactly("a@12-0", "b@10-0");
        assertThat(input.superseded()).isEqualTo(2);
    }

    @Test
    void setsAsideRecordsThatAreNotCommandsAndCommitsPastThem() {
        add("a", "10-0");
        records.add(
                new ConsumerRecord<>(
                        "sentinelone.iocs", 0, 1, null, "{oops".getBytes(StandardCharsets.UTF_8)));

        CycleInput input = Coalescer.coalesce(records, command -> IndicatorState.NONE);

        assertThat(input.undecodable()).hasSize(1);
        assertThat(input.offsets().get(new TopicPartition("sentinelone.iocs", 0)).offset())
                .isEqualTo(2);
        assertThat(input.firstOffsets())
                .containsEntry(new TopicPartition("sentinelone.iocs", 0), 0L);
    }
}
