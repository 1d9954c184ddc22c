package io.ctipipe.emulator.opencti.internals;

import java.time.Instant;
import java.util.List;

/** The non-pattern properties of a new Indicator. */
record IndicatorTraits(
        String author,
        String authorInternalId,
        String marking,
        List<String> labels,
        int score,
        int confidence,
        boolean detection,
        String description,
        Instant validFrom,
        Instant validUntil) {}
