package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterFilterTest {
    private static final Instant T = Instant.parse("2026-03-03T10:00:00Z");
    private static final DeadLetterEntry ENTRY =
            new DeadLetterEntry(
                    "dlq",
                    0,
                    3,
                    T,
                    "ind-1",
                    List.of("IPV4:1.1.1.1"),
                    null,
                    503,
                    "exhausted",
                    "SentinelOne unavailable",
                    5,
                    "iocs",
                    0);

    @Test
    void allMatchesEverything() {
        assertThat(DeadLetterFilter.ALL.matches(ENTRY)).isTrue();
    }

    @Test
    void sinceIsInclusive() {
        assertThat(new DeadLetterFilter(T, null, null).matches(ENTRY)).isTrue();
        assertThat(new DeadLetterFilter(T.plusMillis(1), null, null).matches(ENTRY)).isFalse();
    }

    @Test
    void statusMustBeEqual() {
        assertThat(new DeadLetterFilter(null, 503, null).matches(ENTRY)).isTrue();
        assertThat(new DeadLetterFilter(null, 400, null).matches(ENTRY)).isFalse();
    }

    @Test
    void errorTextMatchesClassOrMessageIgnoringCase() {
        assertThat(new DeadLetterFilter(null, null, "EXHAUST").matches(ENTRY)).isTrue();
        assertThat(new DeadLetterFilter(null, null, "unavailable").matches(ENTRY)).isTrue();
        assertThat(new DeadLetterFilter(null, null, "rejected").matches(ENTRY)).isFalse();
    }

    @Test
    void everyCriterionMustMatch() {
        assertThat(new DeadLetterFilter(T, 503, "rejected").matches(ENTRY)).isFalse();
    }
}
