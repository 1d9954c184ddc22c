package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.IocCommandCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a run of records into one {@link CycleInput}. Commands carry an Indicator's whole desired
 * state, so only the newest per Indicator matters: the highest eventId wins, the later offset on a
 * tie. Records that do not decode are set aside for the dead-letter topic.
 */
public final class Coalescer {
    private Coalescer() {}

    public static CycleInput coalesce(
            List<ConsumerRecord<byte[], byte[]>> records,
            Function<CommandRecord, IndicatorState> stateOf) {
        Map<String, CommandRecord> latest = new LinkedHashMap<>();
        List<Undecodable> undecodable = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
            firstOffsets.putIfAbsent(partition, record.offset());
            try {
                CommandRecord command = decode(record);
                latest.merge(command.indicatorId(), command, Coalescer::newer);
            } catch (IllegalArgumentException e) {
                undecodable.add(new Undecodable(record, e.getMessage()));
            }
        }
        int superseded = records.size() - undecodable.size() - latest.size();
        Map<String, IndicatorState> states = new HashMap<>();
        latest.forEach((id, command) -> states.put(id, stateOf.apply(command)));
        List<CommandRecord> commands = List.copyOf(latest.values());
        return new CycleInput(commands, states, undecodable, superseded, offsets, firstOffsets);
    }

    static CommandRecord newer(CommandRecord held, CommandRecord arriving) {
        String heldId = held.command().eventId();
        String arrivingId = arriving.command().eventId();
        boolean heldIsNewer =
                heldId != null
                        && arrivingId != null
                        && EventIds.ORDER.compare(heldId, arrivingId) > 0;
        return heldIsNewer ? held : arriving;
    }

    private static CommandRecord decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("record without a value");
        }
        return new CommandRecord(record, IocCommandCodec.decode(record.value()));
    }

    /** A record that is not an IOC command, and why. */
    public record Undecodable(ConsumerRecord<byte[], byte[]> record, String reason) {}
}
