package io.ctipipe.ops.internals;

import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the record a redrive publishes: the dead letter's key and value byte for byte, its headers
 * without the dead-letter context ({@code ctipipe.dlq.*} and {@code __streams.errors.*}), and
 * {@link DeadLetterHeaders#REDRIVE_COUNT} one above the count it carried. The partition is left to
 * the default partitioner, which puts the key back where it was; the timestamp is the time of the
 * redrive.
 */
public final class RedriveRecords {
    private static final List<String> CONTEXT_PREFIXES =
            List.of(DeadLetterHeaders.PREFIX, StreamsErrorHeaders.PREFIX);

    private RedriveRecords() {}

    public static ProducerRecord<byte[], byte[]> republish(
            ConsumerRecord<byte[], byte[]> deadLetter, String targetTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!isContext(header.key())) {
                headers.add(header);
            }
        }
        int count = DeadLetterDecoder.redriveCount(deadLetter.headers()) + 1;
        headers.add(
                DeadLetterHeaders.REDRIVE_COUNT,
                Integer.toString(count).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(
                targetTopic, null, null, deadLetter.key(), deadLetter.value(), headers);
    }

    static boolean isContext(String headerName) {
        return CONTEXT_PREFIXES.stream().anyMatch(headerName::startsWith);
    }
}
