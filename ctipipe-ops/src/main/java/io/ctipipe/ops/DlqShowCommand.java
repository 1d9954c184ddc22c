package io.ctipipe.ops;

import io.ctipipe.ops.internals.DeadLetterKind;
import io.ctipipe.ops.internals.OpsClients;
import io.ctipipe.ops.internals.RecordPrinter;
import io.ctipipe.ops.internals.TopicReader;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctipipe dlq show P:O}: one record, whole. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Show one record whole: coordinates, timestamp, key, every header as text and the"
                    + " value, pretty-printed when it is JSON. Credentials that slipped into a"
                    + " header are hidden."
        })
final class DlqShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigOption config;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = "iocs-dlq",
            converter = OptionTypes.DeadLetterKindType.class,
            description = "iocs-dlq (default), events-dlq or skipped.")
    DeadLetterKind kind;

    @Parameters(
            paramLabel = "P:O",
            converter = OptionTypes.CoordinatesType.class,
            description = "partition:offset, as dlq list prints it.")
    TopicPartitionOffset coordinates;

    @Override
    public Integer call() {
        OpsConfig ops = config.load();
        String topic = kind.topic(ops.topics());
        PrintWriter out = spec.commandLine().getOut();
        try (TopicReader reader =
                new TopicReader(OpsClients.readerConfig(ops.kafka(), "ctipipe-ops-dlq"))) {
            int partitions = reader.partitions(topic).size();
            if (coordinates.partition() >= partitions) {
                throw new IllegalStateException(
                        "topic "
                                + topic
                                + " has no partition "
                                + coordinates.partition()
                                + " (it has "
                                + partitions
                                + ")");
            }
            TopicPartition partition = new TopicPartition(topic, coordinates.partition());
            Optional<ConsumerRecord<byte[], byte[]>> record =
                    reader.firstFrom(partition, coordinates.offset());
            if (record.isEmpty() || record.get().offset() != coordinates.offset()) {
                throw new IllegalStateException(
                        "no record at "
                                + coordinates
                                + " in "
                                + topic
                                + " (gone with retention, never written, or not committed)");
            }
            out.print(RecordPrinter.print(record.get()));
        }
        out.flush();
        return 0;
    }
}
