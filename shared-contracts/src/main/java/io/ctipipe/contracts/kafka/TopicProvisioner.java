package io.ctipipe.contracts.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics that do not exist yet, with the settings they need: compaction for
 * the state topics, a long retention for the dead-letter topics. Existing topics are left as they
 * are, so an operator's own settings win. Every topic gets the same partition count, except that a
 * new sink state topic takes the count of an existing IOC topic: it must be partitioned like the
 * IOC topic it describes.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    /** OpenCTI events can be many megabytes (reports with embedded files). */
    static final String RAW_EVENT_MAX_BYTES = Integer.toString(64 * 1024 * 1024);

    /** Thirty days: long enough to inspect and redrive after a holiday. */
    static final String DLQ_RETENTION_MS = Long.toString(30L * 24 * 3600 * 1000);

    private static final Duration LEADER_WAIT = Duration.ofSeconds(30);
    private static final Duration LEADER_POLL = Duration.ofMillis(50);

    private TopicProvisioner() {}

    public static void ensureTopics(Admin admin, Topics topics, int partitions, short replicas) {
        ensureTopics(admin, topics, Optional.of(partitions), Optional.of(replicas));
    }

    /** Same, leaving absent counts to the broker's defaults. */
    public static void ensureTopics(
            Admin admin, Topics topics, Optional<Integer> partitions, Optional<Short> replicas) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String name : topics.all()) {
                if (!existing.contains(name)) {
                    Optional<Integer> count =
                            name.equals(topics.sinkState())
                                    ? partitionsOf(admin, topics.iocs(), existing)
                                            .or(() -> partitions)
                                    : partitions;
                    missing.add(newTopic(name, topics, count, replicas));
                }
            }
            create(admin, missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list or create topics", e.getCause());
        }
    }

    /**
     * The partition count of an existing topic: a sink state topic created next to an IOC topic
     * made earlier, by someone else or with another count, must still match it.
     */
    private static Optional<Integer> partitionsOf(Admin admin, String name, Set<String> existing)
            throws InterruptedException, ExecutionException {
        if (!existing.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(
                admin.describeTopics(List.of(name))
                        .allTopicNames()
                        .get()
                        .get(name)
                        .partitions()
                        .size());
    }

    private static void create(Admin admin, List<NewTopic> missing)
            throws InterruptedException, ExecutionException {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        missing.forEach(
                topic ->
                        log.info(
                                "Created topic topic={} partitions={} config={}",
                                topic.name(),
                                topic.numPartitions() < 0
                                        ? "broker-default"
                                        : topic.numPartitions(),
                                topic.configs()));
        awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
    }

    /**
     * Waits until every partition of the new topics has a leader. A producer that writes to a
     * partition the broker has not loaded yet gets NOT_LEADER_OR_FOLLOWER, and an idempotent one
     * can then be stuck retrying out-of-order sequence numbers for minutes.
     */
    private static void awaitLeaders(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
        while (!allHaveLeaders(admin, names)) {
            if (System.nanoTime() > deadline) {
                log.warn("New topics still have partitions without a leader topics={}", names);
                return;
            }
            Thread.sleep(LEADER_POLL.toMillis());
        }
    }

    private static boolean allHaveLeaders(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException {
        try {
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream())
                    .allMatch(partition -> partition.leader() != null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    static NewTopic newTopic(String name, Topics topics, int partitions, short replicas) {
        return newTopic(name, topics, Optional.of(partitions), Optional.of(replicas));
    }

    static NewTopic newTopic(
            String name, Topics topics, Optional<Integer> partitions, Optional<Short> replicas) {
        NewTopic topic = new NewTopic(name, partitions, replicas);
        return topic.configs(configFor(name, topics));
    }

    private static Map<String, String> configFor(String name, Topics topics) {
        Map<String, String> config = new java.util.HashMap<>();
        if (topics.compacted().contains(name)) {
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
        }
        if (name.equals(topics.eventsDlq()) || name.equals(topics.iocsDlq())) {
            config.put(TopicConfig.RETENTION_MS_CONFIG, DLQ_RETENTION_MS);
        }
        boolean rawEvents =
                name.equals(topics.events())
                        || name.equals(topics.eventsDlq())
                        || name.equals(topics.skipped());
        if (rawEvents) {
            config.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, RAW_EVENT_MAX_BYTES);
        }
        return config;
    }
}
