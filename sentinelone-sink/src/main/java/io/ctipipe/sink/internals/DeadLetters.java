package io.ctipipe.sink.internals;

import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead-letter records: the original key, value, timestamp and headers byte for byte, then
 * the {@link DeadLetterHeaders} context appended (UTF-8): source topic, partition and offset, stage
 * {@code sink}, error class and message, HTTP status and redacted response snippet (when a response
 * came), attempts, first and last attempt time (ISO-8601), and the rejected IOCs (when some were).
 * A record dead-lettered twice carries two sets; readers take the last of each name.
 */
public final class DeadLetters {
    public static final String STAGE = "sink";

    private final String topic;
    private final Redactor redactor;
    private final Clock clock;

    public DeadLetters(String topic, Redactor redactor, Clock clock) {
        this.topic = topic;
        this.redactor = redactor;
        this.clock = clock;
    }

    public ProducerRecord<byte[], byte[]> record(
            ConsumerRecord<byte[], byte[]> original, DeadLetterReason reason) {
        Headers headers = new RecordHeaders(original.headers().toArray());
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, original.topic());
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(original.partition()));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(original.offset()));
        add(headers, DeadLetterHeaders.STAGE, STAGE);
        add(headers, DeadLetterHeaders.ERROR_CLASS, reason.errorClass());
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, reason.message());
        addCall(headers, reason.result());
        if (!reason.rejectedIocs().isEmpty()) {
            add(headers, DeadLetterHeaders.REJECTED_IOCS, String.join(",", reason.rejectedIocs()));
        }
        return new ProducerRecord<>(
                topic, null, original.timestamp(), original.key(), original.value(), headers);
    }

    private void addCall(Headers headers, CallResult<?> result) {
        if (result == null) {
            Instant now = clock.instant();
            add(headers, DeadLetterHeaders.ATTEMPTS, "0");
            add(headers, DeadLetterHeaders.FIRST_ATTEMPT, now.toString());
            add(headers, DeadLetterHeaders.LAST_ATTEMPT, now.toString());
            return;
        }
        if (result.httpStatus() != null) {
            add(headers, DeadLetterHeaders.HTTP_STATUS, result.httpStatus().toString());
            add(headers, DeadLetterHeaders.RESPONSE_SNIPPET, redactor.snippet(result.body()));
        }
        add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(result.attempts()));
        add(headers, DeadLetterHeaders.FIRST_ATTEMPT, String.valueOf(result.firstAttempt()));
        add(headers, DeadLetterHeaders.LAST_ATTEMPT, String.valueOf(result.lastAttempt()));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
