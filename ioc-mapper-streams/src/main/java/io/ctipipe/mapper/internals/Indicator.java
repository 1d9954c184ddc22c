package io.ctipipe.mapper.internals;

import java.time.Instant;
import java.util.List;

/**
 * The fields of a STIX Indicator the mapper uses, read from one event.
 *
 * @param internalId the OpenCTI internal id, stable across pattern edits (the record key)
 * @param validUntilText {@code valid_until} exactly as received, for the IOC
 * @param validUntil the same as an instant, for the expiry check
 * @param markings {@code object_marking_refs}, lower-cased
 * @param score the OpenCTI score, null when the event has none
 * @param detection the OpenCTI detection flag, null when the event has none
 */
record Indicator(
        String internalId,
        String stixId,
        String name,
        String description,
        String pattern,
        String patternType,
        String created,
        String validUntilText,
        Instant validUntil,
        List<String> labels,
        List<String> markings,
        boolean revoked,
        Integer score,
        Boolean detection) {}
