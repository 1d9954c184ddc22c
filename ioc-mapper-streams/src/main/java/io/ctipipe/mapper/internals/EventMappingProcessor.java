package io.ctipipe.mapper.internals;

import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.SkipHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps one raw event record to IOC commands and skipped records. Everything that can fail (the
 * headers, the JSON, the fields) is read before anything is forwarded, so an unreadable record goes
 * to the dead-letter topic whole and nothing of it reaches the outputs.
 */
public final class EventMappingProcessor implements Processor<byte[], byte[], String, RoutedValue> {
    private static final Logger log = LoggerFactory.getLogger(EventMappingProcessor.class);

    private final EventMapper mapper;
    private final MapperMetrics metrics;
    private ProcessorContext<String, RoutedValue> context;

    public EventMappingProcessor(EventMapper mapper, MapperMetrics metrics) {
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, RoutedValue> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String name = header(record, EventHeaders.EVENT);
        String eventId = header(record, EventHeaders.EVENT_ID);
        String key = record.key() == null ? null : utf8(record.key());
        StreamEvent event = new StreamEvent(name, key, EnvelopeParser.parse(record.value()));

        EventResult result = mapper.map(event);

        if (result.isIgnored()) {
            metrics.ignored(result.ignored());
            return;
        }
        result.decisions().forEach(decision -> route(record, decision, eventId));
    }

    private void route(Record<byte[], byte[]> record, IndicatorDecision decision, String eventId) {
        switch (decision.action()) {
            case UPSERT -> upsert(record, decision, eventId);
            case DELETE -> delete(record, decision, eventId, decision.reason());
            case SKIP -> skip(record, decision, eventId);
        }
    }

    private void upsert(Record<byte[], byte[]> record, IndicatorDecision decision, String eventId) {
        IocCommand command =
                IocCommand.upsert(
                        decision.internalId(), decision.stixId(), eventId, decision.iocs());
        forwardCommand(record, command);
        metrics.upserted();
        countDroppedBranches(decision, eventId);
    }

    private void countDroppedBranches(IndicatorDecision decision, String eventId) {
        List<DroppedBranch> dropped = decision.droppedBranches();
        if (dropped.isEmpty()) {
            return;
        }
        // Reasons only: the comparisons quote pattern values, which stay out of the log. Like
        // skips, these are routine in some feeds, so DEBUG, with the counter by reason to watch.
        log.debug(
                "Mapped Indicator without some OR branches indicatorId={} eventId={} reasons={}",
                decision.internalId(),
                eventId,
                dropped.stream().map(branch -> branch.reason().code()).toList());
        dropped.forEach(branch -> metrics.orBranchDropped(branch.reason()));
    }

    private void delete(
            Record<byte[], byte[]> record,
            IndicatorDecision decision,
            String eventId,
            String reason) {
        IocCommand command =
                IocCommand.delete(decision.internalId(), decision.stixId(), eventId, reason);
        forwardCommand(record, command);
        metrics.deleted(reason);
    }

    private void skip(Record<byte[], byte[]> record, IndicatorDecision decision, String eventId) {
        // The detail quotes pattern values, so it goes to the skipped record, not the log. Skips
        // are routine (YARA, Sigma, SHA-512 feeds): the skipped topic and the skipped counter by
        // reason report them, so a line each would only flood the log during a backfill.
        log.debug(
                "Skipped unmappable Indicator indicatorId={} stixId={} eventId={} reason={}",
                decision.internalId(),
                decision.stixId(),
                eventId,
                decision.reason());
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(SkipHeaders.REASON, bytes(decision.reason()));
        headers.add(SkipHeaders.DETAIL, bytes(decision.detail()));
        RoutedValue value = new RoutedValue(true, record.value());
        context.forward(
                record.withKey(decision.internalId()).withValue(value).withHeaders(headers));
        metrics.skipped(decision.reason());
        if (decision.deletesEarlierUploads()) {
            delete(record, decision, eventId, DeleteReason.UNMAPPABLE.code());
        }
    }

    private void forwardCommand(Record<byte[], byte[]> record, IocCommand command) {
        RoutedValue value = new RoutedValue(false, IocCommandCodec.encode(command));
        Record<String, RoutedValue> out =
                record.withKey(command.indicatorId())
                        .withValue(value)
                        .withHeaders(new RecordHeaders());
        context.forward(out);
    }

    private static String header(Record<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnreadableEventException("header " + name + " is missing");
        }
        return utf8(header.value());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
