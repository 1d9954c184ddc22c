package io.ctipipe.emulator.opencti;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What SentinelOne must hold once the generated traffic has gone through the pipeline, computed by
 * the generator from what it generated, never by a mapper. The rules: the final state of each
 * Indicator decides; deleted, merged away, revoked, expired, non-STIX or unmappable Indicators
 * (SHA-512 only, CIDRs wider than one address) have no IOC; the others have one IOC per comparison
 * in their pattern, with normalised values and the final STIX id as external id.
 *
 * @param expected the IOCs SentinelOne must hold
 * @param rejected the planted bad IOCs (empty-file hashes): expected in the sink's dead-letter
 *     topic, never in SentinelOne
 * @param indicatorsByOutcome Indicators by final outcome: upsert, rejected, deleted, merged,
 *     revoked, expired, non-stix, unmappable
 */
public record GroundTruth(
        Set<ExpectedIoc> expected,
        Set<ExpectedIoc> rejected,
        Map<String, Integer> indicatorsByOutcome) {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GroundTruth {
        expected = Collections.unmodifiableSet(new TreeSet<>(expected));
        rejected = Collections.unmodifiableSet(new TreeSet<>(rejected));
        indicatorsByOutcome = Collections.unmodifiableMap(new TreeMap<>(indicatorsByOutcome));
    }

    /** Expected IOCs by SentinelOne type, for a summary. */
    public Map<String, Integer> iocsByType() {
        Map<String, Integer> counts = new TreeMap<>();
        expected.forEach(ioc -> counts.merge(ioc.type(), 1, Integer::sum));
        return counts;
    }

    public void writeJson(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth " + file, e);
        }
    }

    public static GroundTruth readJson(Path file) {
        try {
            return JSON.readValue(file.toFile(), GroundTruth.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth " + file, e);
        }
    }
}
