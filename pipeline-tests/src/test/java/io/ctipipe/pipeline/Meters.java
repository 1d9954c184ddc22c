package io.ctipipe.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/** The services' counters, read from the registry they share in this JVM. */
final class Meters {
    static final String INGESTER_EVENTS = "ctipipe.ingester.events";
    static final String INGESTER_GAPS = "ctipipe.ingester.gaps";
    static final String INGESTER_RECONNECTS = "ctipipe.ingester.reconnects";

    private Meters() {}

    /** The sum of every counter of that name, whatever its tags. */
    static double sum(MeterRegistry registry, String name) {
        return sum(Search.in(registry).name(name));
    }

    /** Stream reconnects of the ingester for this cause (eof, io-error, http-401, ...). */
    static double reconnects(MeterRegistry registry, String cause) {
        return sum(Search.in(registry).name(INGESTER_RECONNECTS).tag("cause", cause));
    }

    private static double sum(Search search) {
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
