package io.ctipipe.ops;

import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.DeadLetterHeaders;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.SkipHeaders;
import io.ctipipe.ops.internals.StreamsErrorHeaders;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Records as the services write them to their dead-letter and skipped topics. */
final class DeadLetterFixtures {
    private DeadLetterFixtures() {}

    static IocCommand upsert(String indicatorId, String eventId, String ipv4) {
        Ioc ioc =
                new Ioc(
                        "IPV4",
                        ipv4,
                        Ioc.METHOD_EQUALS,
                        "SentinelOne Intel",
                        "indicator--" + indicatorId,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        80);
        return IocCommand.upsert(indicatorId, "indicator--" + indicatorId, eventId, List.of(ioc));
    }

    /** The sink's dead letter: the IOC record's key, value and headers, then the context. */
    static ProducerRecord<byte[], byte[]> sinkDeadLetter(
            String dlqTopic, String iocsTopic, IocCommand command, Failure failure) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT, "create");
        add(headers, EventHeaders.EVENT_ID, command.eventId());
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, iocsTopic);
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, "0");
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, "17");
        add(headers, DeadLetterHeaders.STAGE, "sink");
        add(headers, DeadLetterHeaders.ERROR_CLASS, failure.errorClass());
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, failure.message());
        if (failure.status() != null) {
            add(headers, DeadLetterHeaders.HTTP_STATUS, failure.status().toString());
            add(headers, DeadLetterHeaders.RESPONSE_SNIPPET, failure.response());
        }
        add(headers, DeadLetterHeaders.ATTEMPTS, "5");
        add(headers, DeadLetterHeaders.FIRST_ATTEMPT, failure.at().minusSeconds(60).toString());
        add(headers, DeadLetterHeaders.LAST_ATTEMPT, failure.at().toString());
        return new ProducerRecord<>(
                dlqTopic,
                0,
                failure.at().toEpochMilli() - 120_000,
                TestPipeline.utf8(command.indicatorId()),
                IocCommandCodec.encode(command),
                headers);
    }

    /** Why and when the sink gave up. */
    record Failure(String errorClass, String message, Integer status, String response, Instant at) {
        static Failure exhausted503(Instant at) {
            return new Failure(
                    "exhausted", "SentinelOne unavailable after 5 attempts", 503, "{}", at);
        }

        static Failure rejected400(Instant at) {
            return new Failure("rejected", "invalid IOC value", 400, "{\"errors\":[]}", at);
        }
    }

    /** Kafka Streams' dead letter: the raw event with the __streams.errors.* headers. */
    static ProducerRecord<byte[], byte[]> mapperDeadLetter(
            String dlqTopic, String eventsTopic, String key, String value) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT, "update");
        add(headers, EventHeaders.EVENT_ID, "1772000000000-0");
        add(
                headers,
                StreamsErrorHeaders.EXCEPTION,
                "io.ctipipe.mapper.internals.UnreadableEventException");
        add(headers, StreamsErrorHeaders.MESSAGE, "event data is not JSON");
        add(
                headers,
                StreamsErrorHeaders.STACKTRACE,
                "UnreadableEventException: ...\n\tat x.y(Z.java:1)");
        add(headers, StreamsErrorHeaders.TOPIC, eventsTopic);
        add(headers, StreamsErrorHeaders.PARTITION, "0");
        add(headers, StreamsErrorHeaders.OFFSET, "3");
        return new ProducerRecord<>(
                dlqTopic, 0, null, TestPipeline.utf8(key), TestPipeline.utf8(value), headers);
    }

    /** The mapper's skipped record: the raw event with the skip reason. */
    static ProducerRecord<byte[], byte[]> skipped(
            String topic, String key, String pattern, String reason) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT, "create");
        add(headers, SkipHeaders.REASON, reason);
        add(headers, SkipHeaders.DETAIL, "cannot map " + pattern);
        String value = "{\"data\":{\"type\":\"indicator\",\"pattern\":\"" + pattern + "\"}}";
        return new ProducerRecord<>(
                topic, 0, null, TestPipeline.utf8(key), TestPipeline.utf8(value), headers);
    }

    static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, TestPipeline.utf8(value));
    }
}
