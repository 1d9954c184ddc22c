package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Builds STIX 2.1 objects shaped like the platform's: the OpenCTI extension with the internal id,
 * the MITRE extension on Indicators, standard ids derived from the contributing properties, empty
 * fields left out.
 */
final class StixFactory {
    private final Random random;

    StixFactory(Random random) {
        this.random = random;
    }

    /** The STIX id the platform gives an Indicator: a UUIDv5 of its pattern. */
    static String indicatorId(String pattern) {
        ObjectNode contributing = Stix.object().put("pattern", pattern);
        return "indicator--" + UuidV5.of(UuidV5.OASIS, Stix.write(contributing));
    }

    String internalId() {
        return UuidV5.random(random).toString();
    }

    ObjectNode marking(String stixId, String name, String tlp) {
        ObjectNode marking = Stix.object();
        marking.put("id", stixId);
        marking.put("spec_version", "2.1");
        marking.put("type", "marking-definition");
        extension(marking, "Marking-Definition", Instant.parse("2017-01-20T00:00:00Z"));
        marking.put("created", "2017-01-20T00:00:00.000Z");
        marking.put("definition_type", "TLP");
        marking.put("name", name);
        marking.putObject("definition").put("tlp", tlp);
        return marking;
    }

    ObjectNode identity(String name, Instant at) {
        ObjectNode contributing = Stix.object().put("name", name);
        contributing.put("identity_class", "organization");
        ObjectNode identity = Stix.object();
        identity.put("id", "identity--" + UuidV5.of(UuidV5.OASIS, Stix.write(contributing)));
        identity.put("spec_version", "2.1");
        identity.put("type", "identity");
        extension(identity, "Organization", at);
        identity.put("created", Stix.iso(at));
        identity.put("modified", Stix.iso(at));
        identity.put("name", name);
        identity.put("identity_class", "organization");
        return identity;
    }

    ObjectNode indicator(IndicatorDraft draft, IndicatorTraits traits, Instant at) {
        ObjectNode indicator = Stix.object();
        indicator.put("id", indicatorId(draft.pattern()));
        indicator.put("spec_version", "2.1");
        indicator.put("type", "indicator");
        ObjectNode ext = extension(indicator, "Indicator", at);
        ext.put("created_by_ref_id", traits.authorInternalId());
        ext.put("detection", traits.detection());
        ext.put("score", traits.score());
        indicator
                .withObjectProperty("extensions")
                .putObject(Stix.MITRE)
                .put("extension_type", "property-extension");
        indicator.put("created", Stix.iso(at));
        indicator.put("modified", Stix.iso(at));
        indicator.put("revoked", false);
        indicator.put("confidence", traits.confidence());
        indicator.put("lang", "en");
        labels(indicator, traits.labels());
        indicator.putArray("object_marking_refs").add(traits.marking());
        indicator.put("created_by_ref", traits.author());
        describe(indicator, draft, traits.description());
        indicator.put("valid_from", Stix.iso(traits.validFrom()));
        indicator.put("valid_until", Stix.iso(traits.validUntil()));
        return indicator;
    }

    /** Writes the pattern-dependent fields: id, name, pattern, observables. */
    static void applyPattern(ObjectNode indicator, IndicatorDraft draft) {
        indicator.put("id", indicatorId(draft.pattern()));
        indicator.put("name", draft.name());
        indicator.put("pattern", draft.pattern());
        indicator.put("pattern_type", draft.patternType());
        ObjectNode ext = indicator.withObjectProperty("extensions").withObjectProperty(Stix.EXT);
        ext.put("main_observable_type", draft.mainObservableType());
        if (draft.observableValues().isEmpty()) {
            ext.remove("observable_values");
        } else {
            ext.set("observable_values", draft.observableValues().deepCopy());
        }
    }

    ObjectNode malware(String name, String author, Instant at) {
        ObjectNode malware = Stix.object();
        ObjectNode contributing = Stix.object().put("name", name);
        malware.put("id", "malware--" + UuidV5.of(UuidV5.OASIS, Stix.write(contributing)));
        malware.put("spec_version", "2.1");
        malware.put("type", "malware");
        extension(malware, "Malware", at);
        malware.put("created", Stix.iso(at));
        malware.put("modified", Stix.iso(at));
        malware.put("name", name);
        malware.put("is_family", true);
        malware.put("created_by_ref", author);
        return malware;
    }

    ObjectNode relationship(String source, String target, String author, Instant at) {
        ObjectNode relationship = Stix.object();
        relationship.put("id", "relationship--" + UuidV5.random(random));
        relationship.put("spec_version", "2.1");
        relationship.put("type", "relationship");
        extension(relationship, "indicates", at);
        relationship.put("created", Stix.iso(at));
        relationship.put("modified", Stix.iso(at));
        relationship.put("relationship_type", "indicates");
        relationship.put("source_ref", source);
        relationship.put("target_ref", target);
        relationship.put("created_by_ref", author);
        return relationship;
    }

    private ObjectNode extension(ObjectNode object, String type, Instant at) {
        ObjectNode ext = object.putObject("extensions").putObject(Stix.EXT);
        ext.put("extension_type", "property-extension");
        ext.put("id", internalId());
        ext.put("type", type);
        ext.put("created_at", Stix.iso(at));
        ext.put("updated_at", Stix.iso(at));
        ext.put("is_inferred", false);
        ext.putArray("creator_ids").add("88ec0c6a-13ce-5e39-b486-354fe4a7084f");
        return ext;
    }

    private static void labels(ObjectNode indicator, List<String> labels) {
        if (!labels.isEmpty()) {
            labels.forEach(indicator.putArray("labels")::add);
        }
    }

    private static void describe(ObjectNode indicator, IndicatorDraft draft, String text) {
        indicator.put("name", draft.name());
        indicator.put("description", text);
        indicator.putArray("indicator_types").add("malicious-activity");
        indicator.put("pattern", draft.pattern());
        indicator.put("pattern_type", draft.patternType());
        indicator.put("pattern_version", "2.1");
        applyPattern(indicator, draft);
    }
}
