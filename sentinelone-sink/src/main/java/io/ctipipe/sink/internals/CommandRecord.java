package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.IocCommand;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A decoded IOC command with the record it came from (kept for the dead-letter topic).
 *
 * @param indicatorId the record key, else the command's own id (read once: a cycle asks often)
 */
public record CommandRecord(
        ConsumerRecord<byte[], byte[]> record, IocCommand command, String indicatorId) {

    public CommandRecord(ConsumerRecord<byte[], byte[]> record, IocCommand command) {
        this(record, command, indicatorIdOf(record, command));
    }

    private static String indicatorIdOf(ConsumerRecord<byte[], byte[]> record, IocCommand command) {
        byte[] key = record.key();
        return key == null ? command.indicatorId() : new String(key, StandardCharsets.UTF_8);
    }

    public int partition() {
        return record.partition();
    }

    /** topic-partition@offset, for log lines. */
    public String position() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
