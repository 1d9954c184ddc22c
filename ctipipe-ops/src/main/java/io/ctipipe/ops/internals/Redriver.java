package io.ctipipe.ops.internals;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Sends selected dead letters back to the topic they came from, exactly once across runs: each
 * batch of re-published records and their progress marks is one Kafka transaction, and a run reads
 * the marks only after {@code initTransactions} has fenced any earlier run still going (the
 * transactional id is fixed per dead-letter topic). Dead letters are read partition by partition in
 * offset order, so one Indicator's records go back in the order they failed.
 */
public final class Redriver {
    private final Admin admin;
    private final TopicReader reader;
    private final Clock clock;

    public Redriver(Admin admin, TopicReader reader, Clock clock) {
        this.admin = admin;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * One redrive.
     *
     * @param limit the most records to send
     * @param producerConfig a transactional producer's settings; unused in a dry run
     */
    public record Request(
            DeadLetterKind kind,
            String topic,
            DeadLetterFilter filter,
            long limit,
            boolean dryRun,
            Map<String, Object> producerConfig) {}

    /** What a run selected (sent, or would send), and what it passed over and why. */
    public record Outcome(
            List<DeadLetterEntry> selected,
            int alreadyRedriven,
            int withoutSourceTopic,
            int missingTarget) {}

    public Outcome run(Request request) {
        String progressTopic = RedriveProgress.topicFor(request.topic());
        Set<String> topics = KafkaCalls.await(admin.listTopics().names(), "listing topics");
        if (!topics.contains(request.topic())) {
            throw new IllegalStateException("topic " + request.topic() + " does not exist");
        }
        String topicId = topicId(request.topic());
        if (request.dryRun()) {
            Set<String> done =
                    topics.contains(progressTopic)
                            ? RedriveProgress.done(reader, progressTopic, topicId)
                            : Set.of();
            return pass(
                    new RedrivePass.Context(request, done, topics, topicId, progressTopic, clock),
                    null);
        }
        RedriveProgress.ensureTopic(admin, progressTopic);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(request.producerConfig())) {
            producer.initTransactions();
            Set<String> done = RedriveProgress.done(reader, progressTopic, topicId);
            return pass(
                    new RedrivePass.Context(request, done, topics, topicId, progressTopic, clock),
                    producer);
        }
    }

    private Outcome pass(RedrivePass.Context context, Producer<byte[], byte[]> producer) {
        RedrivePass pass = new RedrivePass(context, producer);
        reader.readAll(context.request().topic(), pass::offer);
        pass.flush();
        return pass.outcome();
    }

    private String topicId(String topic) {
        return KafkaCalls.await(
                        admin.describeTopics(Set.of(topic)).allTopicNames(), "describing " + topic)
                .get(topic)
                .topicId()
                .toString();
    }
}
