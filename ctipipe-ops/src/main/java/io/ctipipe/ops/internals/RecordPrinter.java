package io.ctipipe.ops.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The whole of one record for {@code dlq show}: coordinates, timestamp, key, every header decoded
 * as text (base64 when not UTF-8) and passed through {@link SecretRedactor}, and the value
 * pretty-printed when it is JSON.
 */
public final class RecordPrinter {
    private RecordPrinter() {}

    public static String print(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder();
        field(text, "topic", record.topic());
        field(text, "partition", Integer.toString(record.partition()));
        field(text, "offset", Long.toString(record.offset()));
        field(
                text,
                "timestamp",
                Instant.ofEpochMilli(record.timestamp()) + " (" + record.timestampType() + ")");
        field(text, "key", record.key() == null ? "(null)" : bytes(record.key()));
        text.append("headers:\n");
        for (Header header : record.headers()) {
            String value = header.value() == null ? "(null)" : bytes(header.value());
            text.append("  ")
                    .append(header.key())
                    .append(": ")
                    .append(SecretRedactor.redact(value).replace("\n", "\n    "))
                    .append('\n');
        }
        text.append("value:\n").append(value(record.value())).append('\n');
        return text.toString();
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value).append('\n');
    }

    static String value(byte[] value) {
        if (value == null) {
            return "(null: a tombstone)";
        }
        try {
            JsonNode json = OpsJson.mapper().readTree(value);
            if (json != null && (json.isObject() || json.isArray())) {
                return OpsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
            }
        } catch (IOException e) {
            // Not JSON: shown as text below.
        }
        return bytes(value);
    }

    /** UTF-8 text when the bytes are valid UTF-8, else {@code base64:...}. */
    static String bytes(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
