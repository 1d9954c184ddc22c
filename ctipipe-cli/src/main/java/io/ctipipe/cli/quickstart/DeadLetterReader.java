package io.ctipipe.cli.quickstart;

import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the sink's whole dead-letter topic and lists the IOCs its records name as rejected ({@link
 * DeadLetterHeaders#REJECTED_IOCS}), or every IOC of the command when none is named.
 */
final class DeadLetterReader {
    private DeadLetterReader() {}

    static List<IocIdentity> rejected(String bootstrap, String topic) {
        List<IocIdentity> identities = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!reachedEnd(consumer, ends)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> identities.addAll(of(r)));
            }
        }
        return identities;
    }

    private static boolean reachedEnd(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static List<IocIdentity> of(ConsumerRecord<byte[], byte[]> record) {
        IocCommand command;
        try {
            command = IocCommandCodec.decode(record.value());
        } catch (IllegalArgumentException e) {
            // An undecodable record names no IOC; the check then reports the planted ones missing.
            return List.of();
        }
        Header header = record.headers().lastHeader(DeadLetterHeaders.REJECTED_IOCS);
        String named =
                header == null
                        ? ""
                        : "," + new String(header.value(), StandardCharsets.UTF_8) + ",";
        return command.iocs().stream()
                .filter(ioc -> named.isEmpty() || named.contains("," + ioc.identity() + ","))
                .map(DeadLetterReader::identity)
                .toList();
    }

    private static IocIdentity identity(Ioc ioc) {
        return new IocIdentity(ioc.externalId(), ioc.type(), ioc.value());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "ctipipe-quickstart-" + UUID.randomUUID(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        return new KafkaConsumer<>(
                config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
