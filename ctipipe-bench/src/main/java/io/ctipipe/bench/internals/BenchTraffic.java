package io.ctipipe.bench.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.emulator.opencti.GeneratedTraffic;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Creates-only traffic from the OpenCTI emulator's generator: markings, authors, N Indicators of
 * every kind, and a malware with a relationship for every tenth Indicator; no updates. The
 * generator's ground truth says how many IOCs SentinelOne must end up holding (YARA, Sigma and
 * other unmappable Indicators give none, multi-hash files several).
 *
 * @param messages stream messages in order
 * @param indicators Indicators among them
 * @param expectedIocs IOCs the pipeline must deliver
 */
record BenchTraffic(List<StreamMessage> messages, int indicators, int expectedIocs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static BenchTraffic generate(int indicators, long seed) {
        GeneratedTraffic traffic =
                TrafficGenerator.seeded(seed)
                        .indicators(indicators)
                        .plantedBad(0)
                        .createsOnly()
                        .generate();
        return new BenchTraffic(
                traffic.messages(), indicators, traffic.groundTruth().expected().size());
    }

    /** The STIX id of the Indicator a message creates, or null for any other message. */
    static String indicatorId(StreamMessage message) {
        try {
            JsonNode data = JSON.readTree(message.data()).path("data");
            return "indicator".equals(data.path("type").asText()) ? data.path("id").asText() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
