package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.Secret;
import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private final DeadLetters deadLetters =
            new DeadLetters(
                    "dlq",
                    new Redactor(Secret.of("key")),
                    Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final byte[] key = "ind-1".getBytes(StandardCharsets.UTF_8);
    private final byte[] value = {1, 2, 3};

    private ConsumerRecord<byte[], byte[]> original() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("opencti.event.id", "9-0".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(
                "iocs",
                2,
                41,
                1234L,
                TimestampType.CREATE_TIME,
                5,
                3,
                key,
                value,
                headers,
                java.util.Optional.empty());
    }

    @Test
    void keepsTheOriginalAndAddsTheContext() {
        CallResult<Object> result =
                new CallResult<>(
                        null,
                        new ApiException("POST /iocs", 400, "{\"key\":\"key\"}", null),
                        FailureClass.REJECTED,
                        1,
                        Instant.parse("2026-01-01T00:00:01Z"),
                        Instant.parse("2026-01-01T00:00:02Z"),
                        false);
        DeadLetterReason reason =
                new DeadLetterReason("rejected", "bad", result, List.of("MD5:x", "DNS:y"));

        ProducerRecord<byte[], byte[]> dead = deadLetters.record(original(), reason);

        assertThat(dead.topic()).isEqualTo("dlq");
        assertThat(dead.key()).isSameAs(key);
        assertThat(dead.value()).isSameAs(value);
        assertThat(dead.timestamp()).isEqualTo(1234L);
        assertThat(header(dead, "opencti.event.id")).isEqualTo("9-0");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("iocs");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("2");
        assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(header(dead, DeadLetterHeaders.STAGE)).isEqualTo("sink");
        assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("rejected");
        assertThat(header(dead, DeadLetterHeaders.HTTP_STATUS)).isEqualTo("400");
        assertThat(header(dead, DeadLetterHeaders.RESPONSE_SNIPPET)).doesNotContain("\"key\"}");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(dead, DeadLetterHeaders.FIRST_ATTEMPT)).isEqualTo("2026-01-01T00:00:01Z");
        assertThat(header(dead, DeadLetterHeaders.LAST_ATTEMPT)).isEqualTo("2026-01-01T00:00:02Z");
        assertThat(header(dead, DeadLetterHeaders.REJECTED_IOCS)).isEqualTo("MD5:x,DNS:y");
    }

    @Test
    void marksAnUndecodableRecordWithoutACall() {
        DeadLetterReason reason = new DeadLetterReason("undecodable", "not json", null, List.of());

        ProducerRecord<byte[], byte[]> dead = deadLetters.record(original(), reason);

        assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("undecodable");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
        assertThat(dead.headers().lastHeader(DeadLetterHeaders.HTTP_STATUS)).isNull();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
