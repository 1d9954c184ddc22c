package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterListingTest {
    private static final DeadLetterEntry ENTRY =
            new DeadLetterEntry(
                    "dlq",
                    1,
                    42,
                    Instant.parse("2026-03-03T10:00:00.123Z"),
                    "ind-1",
                    List.of("IPV4:1.1.1.1"),
                    null,
                    503,
                    "exhausted",
                    "unavailable",
                    5,
                    "iocs",
                    2);

    @Test
    void tableHasOneLinePerEntryAndACount() {
        String table = DeadLetterListing.of(List.of(ENTRY)).table();

        assertThat(table)
                .isEqualTo(
                        "P:O   TIME                  INDICATOR  IOC           STATUS  ERROR"
                                + "                   ATTEMPTS  REDRIVEN\n"
                                + "1:42  2026-03-03T10:00:00Z  ind-1      IPV4:1.1.1.1  503     "
                                + "exhausted: unavailable  5         2\n"
                                + "1 matching record(s).\n");
    }

    @Test
    void anEmptyListingSaysSo() {
        assertThat(DeadLetterListing.of(List.of()).table()).endsWith("No record matches.\n");
    }

    @Test
    void jsonLeavesOutAbsentFields() {
        String json = DeadLetterListing.of(List.of(ENTRY)).jsonLines();

        assertThat(json)
                .startsWith("{\"topic\":\"dlq\",\"partition\":1,\"offset\":42,")
                .contains("\"time\":\"2026-03-03T10:00:00.123Z\"")
                .doesNotContain("pattern")
                .endsWith("\"redriveCount\":2}\n");
    }
}
