package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Small builders for the sink's unit tests. */
final class Fixtures {
    static final String SOURCE = "OpenCTI test";

    private Fixtures() {}

    static Ioc ioc(String type, String value, String externalId) {
        return new Ioc(
                type,
                value,
                Ioc.METHOD_EQUALS,
                SOURCE,
                externalId,
                "name",
                null,
                null,
                null,
                List.of(),
                null,
                "STIX",
                null);
    }

    static Ioc renamed(Ioc ioc, String name) {
        return new Ioc(
                ioc.type(),
                ioc.value(),
                ioc.method(),
                ioc.source(),
                ioc.externalId(),
                name,
                null,
                null,
                null,
                List.of(),
                null,
                "STIX",
                null);
    }

    static CommandRecord upsert(String indicatorId, String eventId, Ioc... iocs) {
        return record(
                IocCommand.upsert(indicatorId, "indicator--" + indicatorId, eventId, List.of(iocs)),
                0);
    }

    static CommandRecord delete(String indicatorId, String eventId) {
        return record(IocCommand.delete(indicatorId, "indicator--x", eventId, "deleted"), 0);
    }

    static CommandRecord record(IocCommand command, long offset) {
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(
                        "sentinelone.iocs",
                        0,
                        offset,
                        command.indicatorId().getBytes(StandardCharsets.UTF_8),
                        IocCommandCodec.encode(command));
        return new CommandRecord(record, command);
    }

    static UploadedIoc uploaded(Ioc ioc, String... uuids) {
        return new UploadedIoc(ioc.type(), ioc.value(), ContentHash.of(ioc), List.of(uuids));
    }

    static IndicatorState held(String eventId, UploadedIoc... iocs) {
        return new IndicatorState(eventId, List.of(iocs), null);
    }
}
