package io.ctipipe.emulator.sentinelone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest {

    /**
     * The quickstart's set-up (seed 42, 15 % split as 503 and two kinds of 429) over a run of its
     * size. For a fair draw the count is Binomial(64, 0.15), mean 9.6; 2 to 20 holds 99.93 % of it.
     * The seed is fixed, so the outcome is too: this cannot flake.
     */
    @Test
    void aQuickstartSizedRunMeetsATypicalShareOfFaults() {
        Faults faults = new Faults(Clock.systemUTC(), 42);
        faults.random(Fault.status(503), 0.075)
                .random(Fault.tooManyRequests(Duration.ofSeconds(1)), 0.0375)
                .random(Fault.tooManyRequests(null), 0.0375);

        int drawn = 0;
        for (int request = 0; request < 64; request++) {
            drawn += faults.next("POST").isPresent() ? 1 : 0;
        }

        assertThat(drawn).isBetween(2, 20);
    }

    @Test
    void scriptedFaultsComeBeforeRandomOnes() {
        Faults faults = new Faults(Clock.systemUTC(), 1);
        faults.random(Fault.status(503), 1.0).enqueue("GET", Fault.status(500));

        int first = faults.next("GET").orElseThrow().status();
        int second = faults.next("GET").orElseThrow().status();

        assertThat(first).isEqualTo(500);
        assertThat(second).isEqualTo(503);
    }
}
