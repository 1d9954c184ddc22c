package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RedriveRecordsTest {
    private static final byte[] KEY = {1, 2, 3};
    private static final byte[] VALUE = {(byte) 0xff, 0, 7};

    @Test
    void keepsKeyValueAndOriginalHeadersAndDropsTheContext() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "opencti.event", "create");
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, "iocs");
        add(headers, DeadLetterHeaders.ERROR_CLASS, "exhausted");
        add(headers, StreamsErrorHeaders.TOPIC, "events");
        add(headers, "opencti.event.id", "5-0");

        ProducerRecord<byte[], byte[]> record =
                RedriveRecords.republish(deadLetter(headers), "iocs");

        assertThat(record.topic()).isEqualTo("iocs");
        assertThat(record.partition()).isNull();
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(record.value()).isEqualTo(VALUE);
        assertThat(texts(record))
                .containsExactly(
                        "opencti.event=create",
                        "opencti.event.id=5-0",
                        DeadLetterHeaders.REDRIVE_COUNT + "=1");
    }

    @Test
    void countsOneMoreThanTheLastRedrive() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.REDRIVE_COUNT, "1");
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, "iocs");
        add(headers, DeadLetterHeaders.REDRIVE_COUNT, "2");

        ProducerRecord<byte[], byte[]> record =
                RedriveRecords.republish(deadLetter(headers), "iocs");

        assertThat(texts(record)).containsExactly(DeadLetterHeaders.REDRIVE_COUNT + "=3");
    }

    @Test
    void aRecordWithoutAValueStaysWithoutOne() {
        ConsumerRecord<byte[], byte[]> tombstone = new ConsumerRecord<>("dlq", 0, 0, KEY, null);

        assertThat(RedriveRecords.republish(tombstone, "iocs").value()).isNull();
    }

    private static ConsumerRecord<byte[], byte[]> deadLetter(RecordHeaders headers) {
        return new ConsumerRecord<>(
                "dlq",
                0,
                4,
                1000L,
                TimestampType.CREATE_TIME,
                3,
                3,
                KEY,
                VALUE,
                headers,
                Optional.empty());
    }

    private static List<String> texts(ProducerRecord<byte[], byte[]> record) {
        List<String> texts = new ArrayList<>();
        for (Header header : record.headers()) {
            texts.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
