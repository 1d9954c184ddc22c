package io.ctipipe.mapper.internals;

import io.ctipipe.contracts.ioc.Ioc;
import java.util.List;

/**
 * What the mapper decided for one Indicator of one event; the topology turns it into records and
 * {@code ctipipe map} into a line.
 *
 * @param reason null for an upsert; the delete reason or the skip reason code otherwise
 * @param detail the human explanation of a skip or a filter, else null
 * @param droppedBranches the OR branches an upsert left out because they cannot be IOCs; empty for
 *     any other decision
 */
public record IndicatorDecision(
        Action action,
        String internalId,
        String stixId,
        List<Ioc> iocs,
        String reason,
        String detail,
        List<DroppedBranch> droppedBranches) {

    /**
     * The three outcomes; a skip also deletes whatever an earlier version uploaded (see {@link
     * #deletesEarlierUploads()}).
     */
    public enum Action {
        UPSERT,
        DELETE,
        SKIP
    }

    public IndicatorDecision {
        iocs = List.copyOf(iocs);
        droppedBranches = List.copyOf(droppedBranches);
    }

    static IndicatorDecision upsert(
            Indicator indicator, List<Ioc> iocs, List<DroppedBranch> droppedBranches) {
        return new IndicatorDecision(
                Action.UPSERT,
                indicator.internalId(),
                indicator.stixId(),
                iocs,
                null,
                null,
                droppedBranches);
    }

    static IndicatorDecision delete(String internalId, String stixId, DeleteReason reason) {
        return delete(internalId, stixId, reason, null);
    }

    static IndicatorDecision delete(
            String internalId, String stixId, DeleteReason reason, String detail) {
        return new IndicatorDecision(
                Action.DELETE, internalId, stixId, List.of(), reason.code(), detail, List.of());
    }

    static IndicatorDecision skip(Indicator indicator, SkipReason reason, String detail) {
        return skip(indicator.internalId(), indicator.stixId(), reason, detail);
    }

    static IndicatorDecision skip(
            String internalId, String stixId, SkipReason reason, String detail) {
        return new IndicatorDecision(
                Action.SKIP, internalId, stixId, List.of(), reason.code(), detail, List.of());
    }

    /**
     * Whether this skip also deletes what earlier versions of the Indicator uploaded: yes when the
     * Indicator was read and cannot be mapped, no when the event itself was not read.
     */
    public boolean deletesEarlierUploads() {
        return action == Action.SKIP
                && !SkipReason.UNSUPPORTED_ENVELOPE_VERSION.code().equals(reason);
    }
}
