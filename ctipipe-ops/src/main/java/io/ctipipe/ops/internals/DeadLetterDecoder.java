package io.ctipipe.ops.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocAction;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import io.ctipipe.contracts.kafka.SkipHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns a record of a dead-letter or skipped topic into a {@link DeadLetterEntry}. Where a header
 * appears more than once (a record dead-lettered, redriven and dead-lettered again), the last one
 * wins. Values that cannot be decoded leave their fields null rather than failing the listing.
 */
public final class DeadLetterDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterDecoder() {}

    public static DeadLetterEntry decode(
            ConsumerRecord<byte[], byte[]> record, DeadLetterKind kind) {
        return switch (kind) {
            case IOCS_DLQ -> sinkEntry(record);
            case EVENTS_DLQ -> mapperEntry(record);
            case SKIPPED -> skippedEntry(record);
        };
    }

    private static DeadLetterEntry sinkEntry(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        Instant lastAttempt = instant(text(headers, DeadLetterHeaders.LAST_ATTEMPT));
        return new DeadLetterEntry(
                record.topic(),
                record.partition(),
                record.offset(),
                lastAttempt != null ? lastAttempt : Instant.ofEpochMilli(record.timestamp()),
                key(record),
                iocs(record.value()),
                null,
                number(text(headers, DeadLetterHeaders.HTTP_STATUS)),
                text(headers, DeadLetterHeaders.ERROR_CLASS),
                text(headers, DeadLetterHeaders.ERROR_MESSAGE),
                number(text(headers, DeadLetterHeaders.ATTEMPTS)),
                sourceTopic(headers),
                redriveCount(headers));
    }

    private static DeadLetterEntry mapperEntry(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetterEntry(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                key(record),
                null,
                null,
                null,
                text(headers, StreamsErrorHeaders.EXCEPTION),
                text(headers, StreamsErrorHeaders.MESSAGE),
                null,
                sourceTopic(headers),
                redriveCount(headers));
    }

    private static DeadLetterEntry skippedEntry(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetterEntry(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                key(record),
                null,
                pattern(record.value()),
                null,
                text(headers, SkipHeaders.REASON),
                text(headers, SkipHeaders.DETAIL),
                null,
                null,
                redriveCount(headers));
    }

    /** The topic a redrive sends the record to: the sink's header, else Streams' one. */
    public static String sourceTopic(Headers headers) {
        String sink = text(headers, DeadLetterHeaders.SOURCE_TOPIC);
        return sink != null ? sink : text(headers, StreamsErrorHeaders.TOPIC);
    }

    public static int redriveCount(Headers headers) {
        Integer count = number(text(headers, DeadLetterHeaders.REDRIVE_COUNT));
        return count == null ? 0 : count;
    }

    /** The last header of that name as UTF-8 text, or null. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static List<String> iocs(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            IocCommand command = IocCommandCodec.decode(value);
            if (command.action() == IocAction.DELETE) {
                return List.of("delete");
            }
            return command.iocs().stream().map(Ioc::identity).toList();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The pattern of a raw OpenCTI event: {@code data.pattern}, or {@code pattern}. */
    private static String pattern(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(value);
            JsonNode pattern = root.path("data").path("pattern");
            if (pattern.isMissingNode()) {
                pattern = root.path("pattern");
            }
            return pattern.isTextual() ? pattern.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Integer number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
