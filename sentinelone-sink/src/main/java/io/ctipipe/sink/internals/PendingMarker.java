package io.ctipipe.sink.internals;

import java.util.List;

/**
 * Written (and committed) before IOCs of an Indicator are POSTed, removed in the transaction that
 * records the result. Found on restore, it means a POST may have reached SentinelOne without the
 * sink learning the uuids, so the Indicator is reconciled before anything else is sent for it.
 *
 * @param eventId the command being applied
 * @param externalIds the externalIds of the IOCs being POSTed, to find them again
 * @param since when the marker was written (ISO-8601)
 */
public record PendingMarker(String eventId, List<String> externalIds, String since) {
    public PendingMarker {
        externalIds = List.copyOf(externalIds);
    }
}
