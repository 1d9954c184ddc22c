package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import io.ctipipe.contracts.kafka.SkipHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterDecoderTest {
    private static final long TIMESTAMP = Instant.parse("2026-03-03T10:00:00Z").toEpochMilli();

    @Test
    void readsTheSinkContextAndTheCommandsIocs() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, "sentinelone.iocs");
        add(headers, DeadLetterHeaders.ERROR_CLASS, "exhausted");
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, "gave up");
        add(headers, DeadLetterHeaders.HTTP_STATUS, "503");
        add(headers, DeadLetterHeaders.ATTEMPTS, "5");
        add(headers, DeadLetterHeaders.LAST_ATTEMPT, "2026-03-03T11:00:00Z");

        DeadLetterEntry entry = decode(commandBytes(), headers, DeadLetterKind.IOCS_DLQ);

        assertThat(entry.key()).isEqualTo("ind-1");
        assertThat(entry.iocs()).containsExactly("IPV4:1.1.1.1", "DNS:evil.example");
        assertThat(entry.subject()).isEqualTo("IPV4:1.1.1.1 (+1)");
        assertThat(entry.httpStatus()).isEqualTo(503);
        assertThat(entry.attempts()).isEqualTo(5);
        assertThat(entry.errorText()).isEqualTo("exhausted: gave up");
        assertThat(entry.time()).isEqualTo(Instant.parse("2026-03-03T11:00:00Z"));
        assertThat(entry.sourceTopic()).isEqualTo("sentinelone.iocs");
        assertThat(entry.redriveCount()).isZero();
    }

    @Test
    void theLastHeaderOfANameWins() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.HTTP_STATUS, "503");
        add(headers, DeadLetterHeaders.REDRIVE_COUNT, "1");
        add(headers, DeadLetterHeaders.HTTP_STATUS, "400");

        DeadLetterEntry entry = decode(commandBytes(), headers, DeadLetterKind.IOCS_DLQ);

        assertThat(entry.httpStatus()).isEqualTo(400);
        assertThat(entry.redriveCount()).isEqualTo(1);
    }

    @Test
    void anUndecodableValueLeavesTheIocsEmptyAndTheTimeFromTheRecord() {
        DeadLetterEntry entry =
                decode(
                        "not json".getBytes(StandardCharsets.UTF_8),
                        new RecordHeaders(),
                        DeadLetterKind.IOCS_DLQ);

        assertThat(entry.iocs()).isNull();
        assertThat(entry.subject()).isNull();
        assertThat(entry.time()).isEqualTo(Instant.ofEpochMilli(TIMESTAMP));
    }

    @Test
    void aDeleteCommandShowsAsDelete() {
        byte[] delete =
                IocCommandCodec.encode(
                        IocCommand.delete("ind-1", "indicator--1", "9-0", "revoked"));

        DeadLetterEntry entry = decode(delete, new RecordHeaders(), DeadLetterKind.IOCS_DLQ);

        assertThat(entry.subject()).isEqualTo("delete");
    }

    @Test
    void readsStreamsContextForTheMapperDeadLetters() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, StreamsErrorHeaders.EXCEPTION, "java.lang.IllegalArgumentException");
        add(headers, StreamsErrorHeaders.MESSAGE, "bad event");
        add(headers, StreamsErrorHeaders.TOPIC, "opencti.stream.events");

        DeadLetterEntry entry = decode(new byte[] {1}, headers, DeadLetterKind.EVENTS_DLQ);

        assertThat(entry.errorText()).isEqualTo("IllegalArgumentException: bad event");
        assertThat(entry.sourceTopic()).isEqualTo("opencti.stream.events");
    }

    @Test
    void readsTheReasonAndPatternOfSkippedIndicators() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SkipHeaders.REASON, "unsupported-hash");
        add(headers, SkipHeaders.DETAIL, "SHA-512 has no IOC type");
        byte[] event =
                "{\"data\":{\"pattern\":\"[file:hashes.'SHA-512' = 'ab']\"}}"
                        .getBytes(StandardCharsets.UTF_8);

        DeadLetterEntry entry = decode(event, headers, DeadLetterKind.SKIPPED);

        assertThat(entry.subject()).isEqualTo("[file:hashes.'SHA-512' = 'ab']");
        assertThat(entry.errorText()).isEqualTo("unsupported-hash: SHA-512 has no IOC type");
        assertThat(entry.sourceTopic()).isNull();
    }

    private static DeadLetterEntry decode(
            byte[] value, RecordHeaders headers, DeadLetterKind kind) {
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(
                        "t",
                        1,
                        7,
                        TIMESTAMP,
                        TimestampType.CREATE_TIME,
                        5,
                        value.length,
                        "ind-1".getBytes(StandardCharsets.UTF_8),
                        value,
                        headers,
                        Optional.empty());
        return DeadLetterDecoder.decode(record, kind);
    }

    private static byte[] commandBytes() {
        List<Ioc> iocs = List.of(ioc("IPV4", "1.1.1.1"), ioc("DNS", "evil.example"));
        return IocCommandCodec.encode(IocCommand.upsert("ind-1", "indicator--1", "5-0", iocs));
    }

    private static Ioc ioc(String type, String value) {
        return new Ioc(
                type,
                value,
                "EQUALS",
                "src",
                "indicator--1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
