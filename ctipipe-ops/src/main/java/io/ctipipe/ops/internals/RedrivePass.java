package io.ctipipe.ops.internals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan of a dead-letter topic for {@link Redriver}: decides for each record whether it is
 * selected, and sends the selection in transactions of {@link #BATCH} records, each with its
 * progress marks. Without a producer (a dry run) it only selects.
 */
final class RedrivePass {
    private static final Logger log = LoggerFactory.getLogger(RedrivePass.class);
    static final int BATCH = 200;

    /** What does not change during the pass. */
    record Context(
            Redriver.Request request,
            Set<String> done,
            Set<String> topics,
            String topicId,
            String progressTopic,
            Clock clock) {}

    private final Context context;
    private final Producer<byte[], byte[]> producer;
    private final List<DeadLetterEntry> selected = new ArrayList<>();
    private final List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
    private int alreadyRedriven;
    private int withoutSource;
    private int missingTarget;
    private int committed;

    /** {@code producer} is null for a dry run. */
    RedrivePass(Context context, Producer<byte[], byte[]> producer) {
        this.context = context;
        this.producer = producer;
    }

    /** Takes one dead letter; false once the limit is reached. */
    boolean offer(ConsumerRecord<byte[], byte[]> record) {
        Redriver.Request request = context.request();
        DeadLetterEntry entry = DeadLetterDecoder.decode(record, request.kind());
        if (!request.filter().matches(entry)) {
            return true;
        }
        if (context.done().contains(entry.coordinates())) {
            alreadyRedriven++;
            return true;
        }
        if (!routable(entry)) {
            return true;
        }
        if (selected.size() >= request.limit()) {
            return false;
        }
        selected.add(entry);
        batch.add(record);
        if (batch.size() >= BATCH) {
            flush();
        }
        return true;
    }

    /** Sends what is batched, in one transaction. */
    void flush() {
        if (batch.isEmpty() || producer == null) {
            batch.clear();
            return;
        }
        producer.beginTransaction();
        try {
            batch.forEach(this::send);
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw stopped(e);
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw stopped(e);
        }
        committed += batch.size();
        log.debug("Redrove a batch topic={} records={}", context.request().topic(), batch.size());
        batch.clear();
    }

    Redriver.Outcome outcome() {
        if (producer != null) {
            log.info(
                    "Redrove dead letters topic={} records={} alreadyRedriven={}",
                    context.request().topic(),
                    committed,
                    alreadyRedriven);
        }
        return new Redriver.Outcome(
                List.copyOf(selected), alreadyRedriven, withoutSource, missingTarget);
    }

    private boolean routable(DeadLetterEntry entry) {
        if (entry.sourceTopic() == null) {
            withoutSource++;
            return false;
        }
        if (!context.topics().contains(entry.sourceTopic())) {
            missingTarget++;
            return false;
        }
        return true;
    }

    private void send(ConsumerRecord<byte[], byte[]> record) {
        DeadLetterEntry entry = DeadLetterDecoder.decode(record, context.request().kind());
        producer.send(RedriveRecords.republish(record, entry.sourceTopic()));
        RedriveProgress.Mark mark =
                new RedriveProgress.Mark(
                        context.topicId(),
                        entry.sourceTopic(),
                        entry.redriveCount() + 1,
                        context.clock().instant());
        producer.send(RedriveProgress.record(context.progressTopic(), entry.coordinates(), mark));
    }

    private IllegalStateException stopped(KafkaException e) {
        return new IllegalStateException(
                "redrive stopped after "
                        + committed
                        + " record(s), which are remembered and will not be sent again;"
                        + " run it again to continue: "
                        + e.getMessage(),
                e);
    }
}
