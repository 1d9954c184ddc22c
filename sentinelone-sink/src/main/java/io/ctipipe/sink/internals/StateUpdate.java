package io.ctipipe.sink.internals;

/** A new state for one Indicator, written to the sink-state partition of its command. */
public record StateUpdate(int partition, String indicatorId, IndicatorState state) {}
