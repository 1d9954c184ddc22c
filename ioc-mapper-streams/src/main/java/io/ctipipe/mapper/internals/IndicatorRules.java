package io.ctipipe.mapper.internals;

import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.mapper.MapperConfig;
import java.time.Clock;
import java.util.List;

/**
 * The decision for a live Indicator (a create, an update, a merge target), in this order: revoked
 * or expired means delete; failing a filter means delete; otherwise it is mapped, or skipped when
 * it cannot be. Lifecycle and filters come first so that an Indicator nobody wants uploaded never
 * lands on the skipped topic.
 */
final class IndicatorRules {
    private final Clock clock;
    private final IndicatorFilter filter;
    private final IocFactory iocs;

    IndicatorRules(MapperConfig config, Clock clock) {
        this.clock = clock;
        this.filter = new IndicatorFilter(config);
        this.iocs = new IocFactory(config.connectorName());
    }

    IndicatorDecision decide(Indicator indicator) {
        if (indicator.revoked()) {
            return delete(indicator, DeleteReason.REVOKED, null);
        }
        if (indicator.validUntil() != null && !indicator.validUntil().isAfter(clock.instant())) {
            return delete(
                    indicator, DeleteReason.EXPIRED, "valid_until " + indicator.validUntilText());
        }
        String rejection = filter.rejection(indicator);
        if (rejection != null) {
            return delete(indicator, DeleteReason.FILTERED, rejection);
        }
        try {
            Translation translation =
                    PatternTranslator.translate(indicator.patternType(), indicator.pattern());
            List<Ioc> created = iocs.create(translation.values(), indicator);
            return IndicatorDecision.upsert(indicator, created, translation.dropped());
        } catch (UnmappableException e) {
            return IndicatorDecision.skip(indicator, e.reason(), e.detail());
        }
    }

    private static IndicatorDecision delete(
            Indicator indicator, DeleteReason reason, String detail) {
        return IndicatorDecision.delete(indicator.internalId(), indicator.stixId(), reason, detail);
    }
}
