package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The edits an analyst, a feed or the decay manager makes to an Indicator: score, labels, validity,
 * revocation, pattern, deletion. Each returns the whole new object; the caller diffs it.
 */
final class UpdateActions {
    private static final List<String> LABELS =
            List.of("botnet", "c2", "phishing", "ransomware", "scanner", "tor-exit", "apt");

    private final Random random;
    private final DraftFactory drafts;
    private final Instant now;

    UpdateActions(Random random, DraftFactory drafts, Instant now) {
        this.random = random;
        this.drafts = drafts;
        this.now = now;
    }

    /** A new object and why; the draft changes only with the pattern. */
    record Change(ObjectNode after, IndicatorDraft draft, String message) {}

    static String label(Random random) {
        return LABELS.get(random.nextInt(LABELS.size()));
    }

    /** The next change of this Indicator, or null when it is to be deleted. */
    Change next(IndicatorModel model) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return null;
        }
        if (roll < 16 && model.draft().kind().editable()) {
            return pattern(model);
        }
        if (roll < 28) {
            return model.revoked() ? unrevoke(model) : revoke(model);
        }
        if (roll < 34) {
            return validity(model, now.minus(Duration.ofDays(10)));
        }
        if (roll < 44) {
            return validity(model, now.plus(Duration.ofDays(400 + random.nextInt(100))));
        }
        if (roll < 62) {
            return addLabel(model);
        }
        return score(model);
    }

    Change unrevoke(IndicatorModel model) {
        ObjectNode after = model.stix().deepCopy();
        after.put("revoked", false);
        return new Change(after, model.draft(), "replaces `No` in `Revoked`");
    }

    private Change revoke(IndicatorModel model) {
        ObjectNode after = model.stix().deepCopy();
        after.put("revoked", true);
        return new Change(after, model.draft(), "replaces `Yes` in `Revoked`");
    }

    private Change score(IndicatorModel model) {
        ObjectNode after = model.stix().deepCopy();
        ObjectNode ext = extension(after);
        int score = (ext.path("score").asInt() + 1 + random.nextInt(99)) % 101;
        ext.put("score", score);
        return new Change(after, model.draft(), "replaces `" + score + "` in `Score`");
    }

    private Change addLabel(IndicatorModel model) {
        ObjectNode after = model.stix().deepCopy();
        String label = label(random);
        ArrayNode labels = after.has("labels") ? (ArrayNode) after.get("labels") : null;
        if (labels != null && contains(labels, label)) {
            return score(model);
        }
        if (labels == null) {
            labels = after.putArray("labels");
        }
        labels.add(label);
        return new Change(after, model.draft(), "adds `" + label + "` in `Label`");
    }

    private Change validity(IndicatorModel model, Instant until) {
        if (model.stix().path("valid_until").asText().equals(Stix.iso(until))) {
            return score(model);
        }
        ObjectNode after = model.stix().deepCopy();
        after.put("valid_until", Stix.iso(until));
        return new Change(
                after, model.draft(), "replaces `" + Stix.iso(until) + "` in `Valid until`");
    }

    private Change pattern(IndicatorModel model) {
        IndicatorDraft draft = drafts.draft(model.draft().kind());
        ObjectNode after = model.stix().deepCopy();
        StixFactory.applyPattern(after, draft);
        return new Change(after, draft, "replaces `" + draft.pattern() + "` in `Pattern`");
    }

    /** The target after a merge: it gains the source's labels and remembers its STIX id. */
    static ObjectNode absorb(ObjectNode target, ObjectNode source) {
        ObjectNode after = target.deepCopy();
        for (JsonNode label : source.path("labels")) {
            ArrayNode labels =
                    after.has("labels")
                            ? (ArrayNode) after.get("labels")
                            : after.putArray("labels");
            if (!contains(labels, label.asText())) {
                labels.add(label.asText());
            }
        }
        ObjectNode ext = extension(after);
        ArrayNode stixIds =
                ext.has("stix_ids") ? (ArrayNode) ext.get("stix_ids") : ext.putArray("stix_ids");
        stixIds.add(source.path("id").asText());
        return after;
    }

    private static ObjectNode extension(ObjectNode stix) {
        return stix.withObjectProperty("extensions").withObjectProperty(Stix.EXT);
    }

    private static boolean contains(ArrayNode values, String value) {
        for (JsonNode item : values) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
