package io.ctipipe.sink.internals;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Metrics and log lines of a committed cycle; one ERROR line per dead-lettered record. */
final class CycleReporter {
    private static final Logger log = LoggerFactory.getLogger(CycleReporter.class);

    private final SinkMetrics metrics;

    CycleReporter(SinkMetrics metrics) {
        this.metrics = metrics;
    }

    void committed(CycleInput input, CycleOutcome outcome) {
        metrics.commands("applied", outcome.applied());
        metrics.commands("stale", outcome.stale());
        metrics.commands("superseded", input.superseded());
        metrics.commands("failed", outcome.deadLetters().size());
        for (DeadLetter dead : outcome.deadLetters()) {
            metrics.deadLettered(dead.reason().errorClass());
            ConsumerRecord<byte[], byte[]> original = dead.original();
            log.error(
                    "Dead-lettered a record topic={} partition={} offset={} errorClass={}"
                            + " httpStatus={} message={}",
                    original.topic(),
                    original.partition(),
                    original.offset(),
                    dead.reason().errorClass(),
                    dead.reason().result() == null ? null : dead.reason().result().httpStatus(),
                    dead.reason().message());
        }
        log.debug(
                "Committed an upload cycle records={} applied={} stale={} deadLettered={}",
                input.recordCount(),
                outcome.applied(),
                outcome.stale(),
                outcome.deadLetters().size());
    }
}
