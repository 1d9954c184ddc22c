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
 * tie. Records that do not decode are set aside for the dead-letter topic. The sink decodes each
 * record as it is polled ({@link #decode}), while the previous cycle is still running, so that a
 * cycle's start does not wait on JSON.
 */
public final class Coalescer {
    private Coalescer() {}

    public static CycleInput coalesce(
            List<ConsumerRecord<byte[], byte[]>> records,
            Function<CommandRecord, IndicatorState> stateOf) {
        return coalesceDecoded(records.stream().map(Coalescer::decode).toList(), stateOf);
    }

    /** Like {@link #coalesce}, for records decoded when they were polled. */
    public static CycleInput coalesceDecoded(
            List<Decoded> records, Function<CommandRecord, IndicatorState> stateOf) {
        Map<String, CommandRecord> latest = new LinkedHashMap<>();
        List<Undecodable> undecodable = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (Decoded decoded : records) {
            ConsumerRecord<byte[], byte[]> record = decoded.record();
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
            firstOffsets.putIfAbsent(partition, record.offset());
            if (decoded.command() != null) {
                latest.merge(decoded.command().indicatorId(), decoded.command(), Coalescer::newer);
            } else {
                undecodable.add(new Undecodable(record, decoded.problem()));
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

    /** The record's command, or why it is not one. */
    public static Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return new Decoded(record, null, "record without a value");
        }
        try {
            return new Decoded(
                    record,
                    new CommandRecord(record, IocCommandCodec.decode(record.value())),
                    null);
        } catch (IllegalArgumentException e) {
            return new Decoded(record, null, e.getMessage());
        }
    }

    /**
     * A polled record and its command, or the problem that kept it from decoding.
     *
     * @param command null when the record is not a command
     * @param problem null when it is
     */
    public record Decoded(
            ConsumerRecord<byte[], byte[]> record, CommandRecord command, String problem) {}

    /** A record that is not an IOC command, and why. */
    public record Undecodable(ConsumerRecord<byte[], byte[]> record, String reason) {}
}
