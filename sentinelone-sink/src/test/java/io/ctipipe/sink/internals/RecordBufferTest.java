package io.ctipipe.sink.internals;

import static io.ctipipe.sink.internals.Fixtures.ioc;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.IocCommand;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordBufferTest {
    private static final TopicPartition PARTITION = new TopicPartition("sentinelone.iocs", 0);

    private final RecordBuffer buffer = new RecordBuffer(Duration.ofMillis(200), 2);

    @Test
    void decodesRecordsAsTheyArrive() {
        IocCommand command =
                IocCommand.upsert("a", "indicator--1", "10-0", List.of(ioc("DNS", "a.b", "x")));
        ConsumerRecord<byte[], byte[]> good = Fixtures.record(command, 0).record();
        ConsumerRecord<byte[], byte[]> bad =
                new ConsumerRecord<>(
                        PARTITION.topic(), 0, 1, null, "{oops".getBytes(StandardCharsets.UTF_8));

        buffer.add(polled(List.of(good, bad)), 1_000);
        List<Coalescer.Decoded> drained = buffer.drain();

        assertThat(drained.get(0).command().indicatorId()).isEqualTo("a");
        assertThat(drained.get(1).command()).isNull();
        assertThat(drained.get(1).problem()).startsWith("not an IOC command");
        assertThat(buffer.size()).isZero();
    }

    @Test
    void isReadyWhenFullOrWhenTheOldestRecordHasWaitedTheLinger() {
        IocCommand command = IocCommand.upsert("a", "indicator--1", "10-0", List.of());
        buffer.add(polled(List.of(Fixtures.record(command, 0).record())), 1_000);

        assertThat(buffer.ready(1_100)).isFalse();
        assertThat(buffer.ready(1_200)).isTrue();
    }

    private static ConsumerRecords<byte[], byte[]> polled(
            List<ConsumerRecord<byte[], byte[]>> records) {
        return new ConsumerRecords<>(Map.of(PARTITION, records), Map.of());
    }
}
