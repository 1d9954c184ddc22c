package io.ctipipe.ops;

import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.ops.internals.OpsClients;
import io.ctipipe.ops.internals.TopicReader;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures a consumer group's lag as the pipeline sees it: the committed offset against the last
 * stable offset, where a partition whose unread offsets hold only transaction markers counts as
 * caught up (every transactional producer leaves one at the end of the log, so offset arithmetic
 * alone never reaches zero). {@code ctipipe status} and the quickstart's drain check both ask it;
 * one probe serves many reads.
 */
public final class LagProbe implements AutoCloseable {
    private final Admin admin;
    private final TopicReader reader;
    private final boolean ownsClients;

    private LagProbe(Admin admin, TopicReader reader, boolean ownsClients) {
        this.admin = admin;
        this.reader = reader;
        this.ownsClients = ownsClients;
    }

    /** A probe with its own admin client and reader, both closed with it. */
    public static LagProbe connect(KafkaSettings kafka) {
        Admin admin = OpsClients.admin(kafka);
        try {
            TopicReader reader = new TopicReader(OpsClients.readerConfig(kafka, "ctipipe-ops-lag"));
            return new LagProbe(admin, reader, true);
        } catch (RuntimeException e) {
            admin.close();
            throw e;
        }
    }

    /** A probe over clients the caller keeps and closes (the status command shares its own). */
    public static LagProbe over(Admin admin, TopicReader reader) {
        return new LagProbe(admin, reader, false);
    }

    /** The group's lag on the topic, transaction markers not counted. */
    public ConsumerLag lag(String group, String topic)
            throws ExecutionException, InterruptedException {
        return ConsumerLag.of(admin, group, topic)
                .ignoringMarkers(
                        (partition, offset) ->
                                reader.firstFrom(new TopicPartition(topic, partition), offset)
                                        .isPresent());
    }

    /**
     * True when the group has read every committed record of the topic and no transaction is open
     * on it (a transaction left open, by a killed producer say, still holds records back).
     */
    public boolean drained(String group, String topic)
            throws ExecutionException, InterruptedException {
        return lag(group, topic).drained();
    }

    @Override
    public void close() {
        if (ownsClients) {
            reader.close();
            admin.close();
        }
    }
}
