package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * What the generator decided about one Indicator's pattern: the pattern as OpenCTI would store it,
 * the observables the platform parses out of it, and the IOCs a correct mapper makes of it.
 */
record IndicatorDraft(
        IndicatorKind kind,
        String name,
        String pattern,
        String patternType,
        String mainObservableType,
        ArrayNode observableValues,
        List<IocValue> iocs) {}
