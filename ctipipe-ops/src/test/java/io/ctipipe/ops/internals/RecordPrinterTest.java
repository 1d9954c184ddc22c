package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordPrinterTest {

    @Test
    void printsCoordinatesHeadersAndPrettyJson() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ctipipe.dlq.response", utf8("{\"token\":\"abcdefgh1234\"}"));
        headers.add("binary", new byte[] {(byte) 0xc3, 0x28});

        String printed = RecordPrinter.print(record(utf8("{\"action\":\"upsert\"}"), headers));

        assertThat(printed)
                .isEqualTo(
                        "topic: dlq\npartition: 2\noffset: 9\n"
                                + "timestamp: 1970-01-01T00:00:01Z (CreateTime)\n"
                                + "key: ind-1\n"
                                + "headers:\n"
                                + "  ctipipe.dlq.response: {\"token\":\"[hidden]\"}\n"
                                + "  binary: base64:wyg=\n"
                                + "value:\n{\n  \"action\" : \"upsert\"\n}\n");
    }

    @Test
    void printsTextThatIsNotJsonAsItIs() {
        assertThat(RecordPrinter.value(utf8("plain text"))).isEqualTo("plain text");
        assertThat(RecordPrinter.value(utf8("42"))).isEqualTo("42");
        assertThat(RecordPrinter.value(null)).isEqualTo("(null: a tombstone)");
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                "dlq",
                2,
                9,
                1000L,
                TimestampType.CREATE_TIME,
                5,
                value.length,
                utf8("ind-1"),
                value,
                headers,
                Optional.empty());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
