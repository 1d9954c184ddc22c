package io.ctipipe.mapper.internals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctipipe.mapper.MapperConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping function shared by the topology and {@code ctipipe map}: one stream event in,
 * decisions out. It dispatches on the SSE event name, never on the envelope's {@code type}, which
 * differs in filtered streams. Non-Indicator objects and envelopes of a version other than 4 are
 * ignored. Throws {@link UnreadableEventException} when the event cannot be read.
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
        if (!SUPPORTED_VERSION.equals(versionOf(event.envelope()))) {
            return EventResult.ignoredBecause(EventResult.UNSUPPORTED_VERSION);
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
        return version == null ? null : version.asText();
    }
}
