package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import java.time.Instant;
import java.util.List;

/** The generator's memory of one Indicator: its current STIX object and what became of it. */
final class IndicatorModel {
    private final String internalId;
    private ObjectNode stix;
    private IndicatorDraft draft;
    private boolean deleted;
    private boolean merged;

    IndicatorModel(ObjectNode stix, IndicatorDraft draft) {
        this.stix = stix;
        this.draft = draft;
        this.internalId = Stix.internalId(stix).orElseThrow();
    }

    String internalId() {
        return internalId;
    }

    ObjectNode stix() {
        return stix;
    }

    IndicatorDraft draft() {
        return draft;
    }

    void update(ObjectNode next, IndicatorDraft nextDraft) {
        stix = next;
        draft = nextDraft;
    }

    void markDeleted() {
        deleted = true;
    }

    void markMerged() {
        merged = true;
    }

    boolean live() {
        return !deleted && !merged;
    }

    boolean planted() {
        return draft.kind() == IndicatorKind.PLANTED_BAD;
    }

    boolean revoked() {
        return stix.path("revoked").asBoolean(false);
    }

    /** Why this Indicator ends with no IOC in SentinelOne, or upsert / rejected. */
    String outcome(Instant now) {
        if (deleted) {
            return "deleted";
        }
        if (merged) {
            return "merged";
        }
        if (revoked()) {
            return "revoked";
        }
        if (Instant.parse(stix.path("valid_until").asText()).isBefore(now)) {
            return "expired";
        }
        if (!"stix".equals(draft.patternType())) {
            return "non-stix";
        }
        if (!draft.kind().mappable()) {
            return "unmappable";
        }
        return planted() ? "rejected" : "upsert";
    }

    /** The IOCs of the final state, keyed by the final STIX id. */
    List<ExpectedIoc> iocs() {
        String externalId = stix.path("id").asText();
        return draft.iocs().stream()
                .map(ioc -> new ExpectedIoc(internalId, externalId, ioc.type(), ioc.value()))
                .toList();
    }
}
