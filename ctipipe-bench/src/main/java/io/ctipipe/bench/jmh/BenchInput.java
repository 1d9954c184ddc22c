package io.ctipipe.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic input for the micro-benchmarks: the Indicator creates of the OpenCTI emulator's
 * generator (every pattern kind it makes, YARA and Sigma included), as stream messages and as
 * patterns.
 */
final class BenchInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchInput() {}

    /** The Indicator create messages among {@code indicators} generated ones. */
    static List<StreamMessage> indicatorCreates(int indicators, long seed) {
        List<StreamMessage> creates = new ArrayList<>();
        for (StreamMessage message :
                TrafficGenerator.seeded(seed)
                        .indicators(indicators)
                        .plantedBad(0)
                        .createsOnly()
                        .generate()
                        .messages()) {
            if ("indicator".equals(stix(message).path("type").asText())) {
                creates.add(message);
            }
        }
        return creates;
    }

    /** The STIX object a message carries. */
    static JsonNode stix(StreamMessage message) {
        try {
            return JSON.readTree(message.data()).path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
