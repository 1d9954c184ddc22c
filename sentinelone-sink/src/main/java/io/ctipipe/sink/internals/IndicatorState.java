package io.ctipipe.sink.internals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the sink remembers of one Indicator: the eventId of the last command it fully applied, the
 * IOCs it holds in SentinelOne for it, and an in-flight marker while a POST may be unrecorded. A
 * deleted Indicator keeps its eventId with no IOCs, so that an older command redriven later is
 * recognised as older and skipped. Such records are never removed, so the state topic grows by a
 * few dozen bytes per deleted Indicator; nothing prunes them yet.
 *
 * @param eventId the last fully applied command, or null
 * @param iocs the IOCs held in SentinelOne, by identity
 * @param pending the in-flight marker, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorState(String eventId, List<UploadedIoc> iocs, PendingMarker pending) {
    public static final IndicatorState NONE = new IndicatorState(null, List.of(), null);

    public IndicatorState {
        iocs = iocs == null ? List.of() : List.copyOf(iocs);
    }

    public IndicatorState withPending(PendingMarker marker) {
        return new IndicatorState(eventId, iocs, marker);
    }
}
