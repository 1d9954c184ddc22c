package io.ctipipe.ops.internals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What has been redriven, on a small compacted topic next to the dead-letter topic ({@code
 * <dlq>.redriven}): key {@code partition:offset} of the dead letter, value a {@link Mark}. The
 * marks are written in the same transaction as the redriven records, so a record is either sent and
 * marked or neither. A mark names the dead-letter topic's id, so that marks of a deleted and
 * re-created topic (whose offsets start again at 0) are ignored. Marks are never removed, so the
 * topic keeps one small record per dead letter ever redriven.
 */
public final class RedriveProgress {
    public static final String SUFFIX = ".redriven";

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RedriveProgress() {}

    /** The value of a progress record. */
    public record Mark(String dlqTopicId, String target, int redriveCount, Instant at) {}

    public static String topicFor(String deadLetterTopic) {
        return deadLetterTopic + SUFFIX;
    }

    /** Creates the compacted progress topic when it is missing; one partition is plenty. */
    public static void ensureTopic(Admin admin, String topic) {
        NewTopic newTopic =
                new NewTopic(topic, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"));
        try {
            admin.createTopics(List.of(newTopic)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create the redrive progress topic "
                                + topic
                                + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
        }
    }

    /** The {@code partition:offset} keys already redriven from the topic with this id. */
    public static Set<String> done(TopicReader reader, String topic, String deadLetterTopicId) {
        Set<String> done = new HashSet<>();
        reader.readAll(
                topic,
                record -> {
                    apply(done, record, deadLetterTopicId);
                    return true;
                });
        return done;
    }

    public static ProducerRecord<byte[], byte[]> record(
            String topic, String coordinates, Mark mark) {
        try {
            return new ProducerRecord<>(
                    topic,
                    coordinates.getBytes(StandardCharsets.UTF_8),
                    JSON.writeValueAsBytes(mark));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a redrive mark", e);
        }
    }

    private static void apply(
            Set<String> done, ConsumerRecord<byte[], byte[]> record, String deadLetterTopicId) {
        if (record.key() == null) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            done.remove(key);
            return;
        }
        Mark mark = mark(record.value());
        if (mark == null
                || mark.dlqTopicId() == null
                || mark.dlqTopicId().equals(deadLetterTopicId)) {
            done.add(key);
        }
    }

    /** An unreadable mark still counts as done: sending twice is the worse mistake. */
    private static Mark mark(byte[] value) {
        try {
            return JSON.readValue(value, Mark.class);
        } catch (IOException e) {
            return null;
        }
    }
}
