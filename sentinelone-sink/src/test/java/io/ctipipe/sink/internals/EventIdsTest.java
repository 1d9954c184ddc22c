package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void comparesStreamIdsAsNumbersNotText() {
        assertThat(EventIds.isNewer("1700000000010-0", "1700000000009-5")).isTrue();
        assertThat(EventIds.isNewer("1700000000009-10", "1700000000009-9")).isTrue();
        assertThat(EventIds.isNewer("999-0", "1000-0")).isFalse();
    }

    @Test
    void treatsAnEqualEventIdAsNotNewer() {
        assertThat(EventIds.isNewer("1700000000000-1", "1700000000000-1")).isFalse();
    }

    @Test
    void appliesWhenEitherSideIsUnknown() {
        assertThat(EventIds.isNewer(null, "1-0")).isTrue();
        assertThat(EventIds.isNewer("1-0", null)).isTrue();
    }

    @Test
    void fallsBackToTextOrderForOtherForms() {
        assertThat(EventIds.isNewer("b", "a")).isTrue();
        assertThat(EventIds.isNewer("a", "1-0")).isTrue();
    }
}
