package io.ctipipe.contracts.ioc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The value of a record on the IOC topic, keyed by the Indicator's OpenCTI internal id. A command
 * carries the whole desired state of one Indicator, never a delta: an upsert lists every IOC the
 * Indicator should have (the sink removes the ones it uploaded before and that are gone, e.g. after
 * a pattern change), a delete lists none. So the latest command per Indicator is all that matters,
 * and the sink may coalesce.
 *
 * @param action upsert or delete
 * @param indicatorId the OpenCTI internal id (the record key too)
 * @param stixId the Indicator's STIX id at that event (it changes with the pattern)
 * @param eventId the SSE id of the event this command was made from; orders commands of one
 *     Indicator, so an older command (a redrive) never undoes a newer one
 * @param reason for a delete: deleted, revoked, expired, filtered, unmappable, merged
 * @param iocs the IOCs, empty for a delete
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IocCommand(
        IocAction action,
        String indicatorId,
        String stixId,
        String eventId,
        String reason,
        List<Ioc> iocs) {

    public IocCommand {
        iocs = iocs == null ? List.of() : List.copyOf(iocs);
    }

    public static IocCommand upsert(
            String indicatorId, String stixId, String eventId, List<Ioc> iocs) {
        return new IocCommand(IocAction.UPSERT, indicatorId, stixId, eventId, null, iocs);
    }

    public static IocCommand delete(
            String indicatorId, String stixId, String eventId, String reason) {
        return new IocCommand(IocAction.DELETE, indicatorId, stixId, eventId, reason, List.of());
    }
}
