package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.emulator.opencti.ExpectedIoc;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.GroundTruth;
import io.ctipipe.emulator.opencti.StreamMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a day of platform traffic: markings and authors, N Indicator creations mixed with malware
 * and relationships, then updates of every sort, deletions and merges. The ground truth comes from
 * the generator's own model of each Indicator, never from a mapper.
 */
public final class TrafficScript {
    private final Random random;
    private final DraftFactory drafts;
    private final StixFactory objects;
    private final Envelopes envelopes = new Envelopes();
    private final UpdateActions updates;
    private final Instant now;
    private final Duration step;
    private final List<StreamMessage> messages = new ArrayList<>();
    private final List<IndicatorModel> indicators = new ArrayList<>();
    private final List<ObjectNode> authors = new ArrayList<>();
    private final List<String> markings = new ArrayList<>();
    private Instant time;

    public TrafficScript(long seed, Instant now, int indicatorCount) {
        this.random = new Random(seed);
        this.drafts = new DraftFactory(random);
        this.objects = new StixFactory(random);
        this.updates = new UpdateActions(random, drafts, now);
        this.now = now;
        long estimate = 4L * indicatorCount + 20;
        this.step = Duration.ofMillis(Math.max(1, Math.min(1000, 86_400_000L / estimate)));
        this.time = now.minus(step.multipliedBy(estimate));
    }

    /** The traffic; without changes, only the creations are written. */
    public GeneratedTraffic run(int indicatorCount, int planted, int merges, boolean changes) {
        if (planted > DraftFactory.MAX_PLANTED) {
            throw new IllegalArgumentException("at most 12 planted bad indicators");
        }
        dependencies();
        creations(indicatorCount, planted);
        if (changes) {
            changes(indicatorCount);
            unrevokeSome();
        }
        for (int i = 0; i < merges; i++) {
            merge();
        }
        return new GeneratedTraffic(List.copyOf(messages), groundTruth());
    }

    private void dependencies() {
        markings.add(marking("34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN", "green"));
        markings.add(marking("613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:CLEAR", "clear"));
        markings.add(marking("f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER", "amber"));
        for (String name : List.of("ExampleFeed", "Abuse Tracker", "CERT Example")) {
            ObjectNode author = objects.identity(name, tick());
            authors.add(author);
            emit("create", envelopes.create(author, time));
        }
    }

    private String marking(String uuid, String name, String tlp) {
        ObjectNode marking = objects.marking("marking-definition--" + uuid, name, tlp);
        emit("create", envelopes.create(marking, tick()));
        return marking.path("id").asText();
    }

    private void creations(int count, int planted) {
        List<IndicatorKind> kinds = kindsFor(count);
        Set<Integer> plantedAt = new HashSet<>();
        while (plantedAt.size() < planted) {
            plantedAt.add(random.nextInt(count + planted));
        }
        int plantedIndex = 0;
        int kindIndex = 0;
        for (int i = 0; i < count + planted; i++) {
            IndicatorDraft draft =
                    plantedAt.contains(i)
                            ? drafts.planted(plantedIndex++)
                            : drafts.draft(kinds.get(kindIndex++));
            IndicatorModel model = create(draft);
            if (i % 10 == 9) {
                relate(model);
            }
        }
    }

    /** Every kind once when there is room, then a weighted draw. */
    private List<IndicatorKind> kindsFor(int count) {
        List<IndicatorKind> weighted = new ArrayList<>();
        List<IndicatorKind> kinds = new ArrayList<>();
        for (IndicatorKind kind : IndicatorKind.values()) {
            for (int i = 0; i < kind.weight(); i++) {
                weighted.add(kind);
            }
            if (kind.weight() > 0) {
                kinds.add(kind);
            }
        }
        List<IndicatorKind> chosen = new ArrayList<>(count >= kinds.size() ? kinds : List.of());
        while (chosen.size() < count) {
            chosen.add(weighted.get(random.nextInt(weighted.size())));
        }
        return chosen;
    }

    private IndicatorModel create(IndicatorDraft draft) {
        ObjectNode author = authors.get(random.nextInt(authors.size()));
        IndicatorTraits traits = traits(author);
        ObjectNode stix = objects.indicator(draft, traits, tick());
        IndicatorModel model = new IndicatorModel(stix, draft);
        indicators.add(model);
        emit("create", envelopes.create(stix, time));
        return model;
    }

    private IndicatorTraits traits(ObjectNode author) {
        String description =
                "Seen by " + author.path("name").asText() + " in campaign " + random.nextInt(500);
        if (random.nextInt(25) == 0) {
            description += "\u2028Analyst note: \u201cconfirmed\u201d \u2013 see report";
        }
        return new IndicatorTraits(
                author.path("id").asText(),
                Stix.internalId(author).orElseThrow(),
                markings.get(random.nextInt(markings.size())),
                random.nextBoolean() ? List.of(UpdateActions.label(random)) : List.of(),
                20 + random.nextInt(80),
                50 + random.nextInt(50),
                random.nextInt(5) != 0,
                description,
                now.minus(Duration.ofDays(90)),
                now.plus(Duration.ofDays(365)));
    }

    private void relate(IndicatorModel indicator) {
        String author = indicator.stix().path("created_by_ref").asText();
        ObjectNode malware = objects.malware("Malware " + drafts.token(), author, tick());
        emit("create", envelopes.create(malware, time));
        ObjectNode relationship =
                objects.relationship(
                        indicator.stix().path("id").asText(),
                        malware.path("id").asText(),
                        author,
                        tick());
        emit("create", envelopes.create(relationship, time));
    }

    private void changes(int count) {
        for (int i = 0; i < count; i++) {
            List<IndicatorModel> candidates =
                    indicators.stream().filter(m -> m.live() && !m.planted()).toList();
            if (candidates.isEmpty()) {
                return;
            }
            change(candidates.get(random.nextInt(candidates.size())));
        }
    }

    private void change(IndicatorModel model) {
        UpdateActions.Change change = updates.next(model);
        if (change == null) {
            model.markDeleted();
            emit("delete", envelopes.delete(model.stix(), tick()));
            return;
        }
        apply(model, change);
    }

    private void apply(IndicatorModel model, UpdateActions.Change change) {
        ObjectNode before = model.stix();
        touch(change.after(), tick());
        model.update(change.after(), change.draft());
        emit("update", envelopes.update(before, change.after(), change.message(), time));
    }

    private void unrevokeSome() {
        List<IndicatorModel> revoked =
                indicators.stream().filter(m -> m.live() && m.revoked()).toList();
        for (int i = 0; i < revoked.size(); i += 3) {
            apply(revoked.get(i), updates.unrevoke(revoked.get(i)));
        }
    }

    private void merge() {
        List<IndicatorModel> candidates =
                indicators.stream()
                        .filter(m -> m.live() && m.draft().kind() == IndicatorKind.IPV4)
                        .toList();
        if (candidates.size() < 2) {
            return;
        }
        IndicatorModel target = candidates.get(0);
        IndicatorModel source = candidates.get(1 + random.nextInt(candidates.size() - 1));
        ObjectNode before = target.stix();
        ObjectNode after = UpdateActions.absorb(before, source.stix());
        touch(after, tick());
        target.update(after, target.draft());
        source.markMerged();
        emit("merge", envelopes.merge(before, after, List.of(source.stix()), time));
    }

    private static void touch(ObjectNode stix, Instant at) {
        stix.put("modified", Stix.iso(at));
        stix.withObjectProperty("extensions")
                .withObjectProperty(Stix.EXT)
                .put("updated_at", Stix.iso(at));
    }

    private GroundTruth groundTruth() {
        Set<ExpectedIoc> expected = new HashSet<>();
        Set<ExpectedIoc> rejected = new HashSet<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (IndicatorModel model : indicators) {
            String outcome = model.outcome(now);
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome.equals("upsert")) {
                expected.addAll(model.iocs());
            } else if (outcome.equals("rejected")) {
                rejected.addAll(model.iocs());
            }
        }
        return new GroundTruth(expected, rejected, outcomes);
    }

    private Instant tick() {
        time = time.plus(step);
        return time;
    }

    private void emit(String event, String data) {
        messages.add(StreamMessage.of(event, data));
    }
}
