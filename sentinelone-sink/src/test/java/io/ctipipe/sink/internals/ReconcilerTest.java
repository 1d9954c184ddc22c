package io.ctipipe.sink.internals;

import static io.ctipipe.sink.internals.Fixtures.ioc;
import static io.ctipipe.sink.internals.Fixtures.uploaded;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.Ioc;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private final Ioc dns = ioc("DNS", "evil.example", "indicator--1");
    private final PendingMarker marker =
            new PendingMarker("11-0", List.of("indicator--1"), "2026-01-01T00:00:00Z");

    @Test
    void keepsTheHashWhenNothingNewWasFound() {
        IndicatorState state = new IndicatorState("10-0", List.of(uploaded(dns, "u1")), marker);
        RemoteIoc same = new RemoteIoc("u1", "DNS", "evil.example", "indicator--1", "s");

        IndicatorState merged = Reconciler.merge(state, List.of(same));

        assertThat(merged)
                .isEqualTo(new IndicatorState("10-0", List.of(uploaded(dns, "u1")), null));
    }

    @Test
    void adoptsNewUuidsWithAnUnknownHash() {
        IndicatorState state = new IndicatorState("10-0", List.of(uploaded(dns, "u1")), marker);
        RemoteIoc copy = new RemoteIoc("u2", "DNS", "evil.example", "indicator--1", "s");
        RemoteIoc other = new RemoteIoc("u3", "IPV4", "203.0.113.7", "indicator--1", "s");

        IndicatorState merged = Reconciler.merge(state, List.of(copy, other));

        assertThat(merged.iocs())
                .containsExactly(
                        new UploadedIoc("DNS", "evil.example", "", List.of("u1", "u2")),
                        new UploadedIoc("IPV4", "203.0.113.7", "", List.of("u3")));
        assertThat(merged.pending()).isNull();
        assertThat(merged.eventId()).isEqualTo("10-0");
    }
}
