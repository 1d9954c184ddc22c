package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.IocCommand;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A decoded IOC command with the record it came from (kept for the dead-letter topic). */
public record CommandRecord(ConsumerRecord<byte[], byte[]> record, IocCommand command) {

    /** The Indicator id: the record key, else the command's own id. */
    public String indicatorId() {
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
