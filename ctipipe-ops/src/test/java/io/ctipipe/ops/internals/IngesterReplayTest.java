package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.stream.IngesterState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngesterReplayTest {
    private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(30);

    @Test
    void aRecentWriteByTheIngesterLooksAlive() {
        assertThat(IngesterReplay.aliveAge(stored(NOW.minusSeconds(4), false), NOW, WINDOW))
                .contains(Duration.ofSeconds(4));
    }

    @Test
    void anOldWriteOrNoStateDoesNot() {
        assertThat(IngesterReplay.aliveAge(stored(NOW.minusSeconds(31), false), NOW, WINDOW))
                .isEmpty();
        assertThat(IngesterReplay.aliveAge(Optional.empty(), NOW, WINDOW)).isEmpty();
    }

    @Test
    void aWriteByReplayItselfIsNoSignOfLife() {
        assertThat(IngesterReplay.aliveAge(stored(NOW.minusSeconds(1), true), NOW, WINDOW))
                .isEmpty();
    }

    private static Optional<IngesterPositionStore.Stored> stored(
            Instant updatedAt, boolean rewound) {
        return Optional.of(
                new IngesterPositionStore.Stored(
                        new IngesterState("5-0", updatedAt, null), rewound));
    }
}
