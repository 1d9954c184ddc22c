package io.ctipipe.mapper.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.mapper.MapperConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A rough figure for the mapping function alone (JSON parsing, pattern parsing, mapping, IOC
 * building) on generated Indicators. It prints records per second and asserts only that every
 * Indicator was mapped: speed on a shared build machine proves nothing.
 */
class MappingThroughputTest {
    private static final int RECORDS = 20_000;

    @Test
    void measuresRecordsPerSecondOfTheMappingFunction() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        MapperConfig config = MapperConfig.from(ConfigSource.of(Map.of(), Map.of()));
        EventMapper mapper = new EventMapper(config, clock);
        List<byte[]> values = generate(RECORDS, new Random(42));
        run(mapper, values);

        long start = System.nanoTime();
        int iocs = run(mapper, values);
        long elapsed = System.nanoTime() - start;

        double perSecond = RECORDS / (elapsed / 1e9);
        System.out.printf(
                "mapping function: %d records in %d ms, %.0f records/s%n",
                RECORDS, elapsed / 1_000_000, perSecond);
        assertThat(iocs).isGreaterThanOrEqualTo(RECORDS);
    }

    private static int run(EventMapper mapper, List<byte[]> values) {
        int iocs = 0;
        for (int i = 0; i < values.size(); i++) {
            StreamEvent event =
                    new StreamEvent("create", "id-" + i, EnvelopeParser.parse(values.get(i)));
            IndicatorDecision decision = mapper.map(event).decisions().get(0);
            assertThat(decision.action()).isEqualTo(IndicatorDecision.Action.UPSERT);
            iocs += decision.iocs().size();
        }
        return iocs;
    }

    private static List<byte[]> generate(int count, Random random) {
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String pattern = pattern(i % 5, random);
            String json =
                    "{\"version\":\"4\",\"type\":\"create\",\"data\":{"
                            + "\"id\":\"indicator--"
                            + i
                            + "\",\"type\":\"indicator\","
                            + "\"name\":\"generated "
                            + i
                            + "\",\"description\":\"generated\","
                            + "\"created\":\"2024-06-09T22:00:00.000Z\","
                            + "\"valid_until\":\"2030-01-01T00:00:00.000Z\",\"labels\":[\"gen\"],"
                            + "\"pattern_type\":\"stix\",\"pattern\":\""
                            + pattern.replace("\\", "\\\\")
                            + "\",\"extensions\":{\""
                            + IndicatorDecoder.OPENCTI_EXTENSION
                            + "\":{\"id\":\"id-"
                            + i
                            + "\",\"score\":70,\"detection\":true}}}}";
            values.add(json.getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String pattern(int kind, Random random) {
        return switch (kind) {
            case 0 ->
                    "[ipv4-addr:value = '"
                            + random.nextInt(224)
                            + "."
                            + random.nextInt(256)
                            + "."
                            + random.nextInt(256)
                            + "."
                            + random.nextInt(256)
                            + "']";
            case 1 -> "[domain-name:value = 'host" + random.nextInt(1_000_000) + ".example.com']";
            case 2 -> "[url:value = 'http://e" + random.nextInt(1_000_000) + ".example/x?a=1']";
            case 3 ->
                    "[file:hashes.'SHA-256' = '"
                            + hex(random, 64)
                            + "' AND file:hashes.MD5 = '"
                            + hex(random, 32)
                            + "']";
            default ->
                    "[ipv6-addr:value = '2001:db8::"
                            + Integer.toHexString(random.nextInt(65536))
                            + "'] OR [hostname:value = 'h"
                            + random.nextInt(1000)
                            + ".example.net']";
        };
    }

    private static String hex(Random random, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
