package io.ctipipe.mapper.internals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctipipe.mapper.MapperConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping function shared by the topology and {@code ctipipe map}: one stream event in,
 * decisions out. It dispatches on the SSE event name, never on the envelope's {@code type}, which
 * differs in filtered streams. Non-Indicator objects are ignored. An envelope of a version other
 * than 4 is not read but skipped with {@link SkipReason#UNSUPPORTED_ENVELOPE_VERSION}, unless it
 * plainly holds a non-Indicator object. Throws {@link UnreadableEventException} when the event
 * cannot be read.
 */
public final class EventMapper {
    private static final String SUPPORTED_VERSION = "4";
    private static final String INDICATOR = "indicator";

    private final IndicatorRules rules;

    public EventMapper(MapperConfig config, Clock clock) {
        this.rules = new IndicatorRules(config, clock);
    }

    public EventResult map(StreamEvent event) {
        String name = eventName(event);
        FieldReader envelope = FieldReader.of(event.envelope(), "value");
        String version = versionOf(event.envelope());
        if (!SUPPORTED_VERSION.equals(version)) {
            return unsupportedVersion(event, version);
        }
        FieldReader data = envelope.object("data");
        if (data == null) {
            throw new UnreadableEventException("data is missing");
        }
        if (!INDICATOR.equals(data.requiredText("type"))) {
            return EventResult.ignoredBecause(EventResult.NON_INDICATOR);
        }
        Indicator indicator = IndicatorDecoder.decode(data, event.recordKey());
        return EventResult.of(decide(name, indicator, envelope));
    }

    /**
     * An envelope this mapper does not know is not read, but it is not dropped silently either: it
     * goes to the skipped topic, keyed as the ingester keyed it, so that an operator sees it.
     */
    private static EventResult unsupportedVersion(StreamEvent event, String version) {
        JsonNode data = event.envelope().path("data");
        JsonNode type = data.path("type");
        if (type.isTextual() && !INDICATOR.equals(type.textValue())) {
            return EventResult.ignoredBecause(EventResult.NON_INDICATOR);
        }
        String detail =
                (version == null ? "the envelope has no version" : "envelope version " + version)
                        + "; only version "
                        + SUPPORTED_VERSION
                        + " is read";
        IndicatorDecision skip =
                IndicatorDecision.skip(
                        reportedId(data, event.recordKey(), version),
                        textOrNull(data.path("id")),
                        SkipReason.UNSUPPORTED_ENVELOPE_VERSION,
                        detail);
        return EventResult.of(List.of(skip));
    }

    /** The internal id from the extension if there is one, else the record key. */
    private static String reportedId(JsonNode data, String recordKey, String version) {
        JsonNode extension = data.path("extensions").path(IndicatorDecoder.OPENCTI_EXTENSION);
        String fromExtension = textOrNull(extension.path("id"));
        String id = fromExtension == null || fromExtension.isEmpty() ? recordKey : fromExtension;
        if (id == null || id.isEmpty()) {
            throw new UnreadableEventException(
                    "envelope version " + version + " and no internal id to report it by");
        }
        return id;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    private List<IndicatorDecision> decide(String name, Indicator indicator, FieldReader envelope) {
        if (name.equals(StreamEvent.DELETE)) {
            String stixId = indicator.stixId();
            return List.of(
                    IndicatorDecision.delete(indicator.internalId(), stixId, DeleteReason.DELETED));
        }
        List<IndicatorDecision> decisions = new ArrayList<>();
        decisions.add(rules.decide(indicator));
        if (name.equals(StreamEvent.MERGE)) {
            decisions.addAll(mergedSources(envelope));
        }
        return decisions;
    }

    /** A delete for each Indicator absorbed by a merge, keyed by its own internal id. */
    private static List<IndicatorDecision> mergedSources(FieldReader envelope) {
        FieldReader context = envelope.object("context");
        JsonNode sources = context == null ? null : context.node("sources");
        if (sources == null) {
            return List.of();
        }
        if (!sources.isArray()) {
            throw new UnreadableEventException("context.sources is not an array");
        }
        List<IndicatorDecision> deletes = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            String internalId = IndicatorDecoder.sourceInternalId(source, i);
            String stixId = source.path("id").asText(null);
            deletes.add(IndicatorDecision.delete(internalId, stixId, DeleteReason.MERGED));
        }
        return deletes;
    }

    private static String eventName(StreamEvent event) {
        String name = event.name();
        boolean known =
                StreamEvent.CREATE.equals(name)
                        || StreamEvent.UPDATE.equals(name)
                        || StreamEvent.DELETE.equals(name)
                        || StreamEvent.MERGE.equals(name);
        if (!known) {
            throw new UnreadableEventException("unknown or missing event name: " + name);
        }
        return name;
    }

    private static String versionOf(JsonNode envelope) {
        JsonNode version = envelope.get("version");
        return version == null || version.isNull() ? null : version.asText();
    }
}
