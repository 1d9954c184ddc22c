package io.ctipipe.mapper.internals;

import java.util.List;

/**
 * The outcome of one event: decisions for the Indicators it concerns, or the reason it was ignored
 * ({@code non-indicator}).
 */
public record EventResult(List<IndicatorDecision> decisions, String ignored) {
    public static final String NON_INDICATOR = "non-indicator";

    public EventResult {
        decisions = List.copyOf(decisions);
    }

    static EventResult of(List<IndicatorDecision> decisions) {
        return new EventResult(decisions, null);
    }

    static EventResult ignoredBecause(String reason) {
        return new EventResult(List.of(), reason);
    }

    public boolean isIgnored() {
        return ignored != null;
    }
}
