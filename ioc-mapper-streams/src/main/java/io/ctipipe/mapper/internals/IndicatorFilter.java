package io.ctipipe.mapper.internals;

import io.ctipipe.mapper.MapperConfig;
import java.util.Locale;

/**
 * The configured filters. An Indicator that fails one is deleted (reason {@code filtered}), so one
 * that stops passing them, such as after its score was lowered, leaves SentinelOne, and one that
 * starts passing them is upserted on its next event. An Indicator without a score counts as 0.
 */
final class IndicatorFilter {
    private final MapperConfig config;

    IndicatorFilter(MapperConfig config) {
        this.config = config;
    }

    /** Why the Indicator is filtered out, or null when it passes. */
    String rejection(Indicator indicator) {
        int score = indicator.score() == null ? 0 : indicator.score();
        if (score < config.minScore()) {
            return "score " + score + " is below the minimum " + config.minScore();
        }
        if (config.detectionOnly() && !Boolean.TRUE.equals(indicator.detection())) {
            return "detection is off and only detection Indicators are sent";
        }
        for (String marking : indicator.markings()) {
            if (config.excludedMarkingIds().contains(marking)) {
                return "marking " + marking + " is excluded";
            }
        }
        return labelRejection(indicator);
    }

    private String labelRejection(Indicator indicator) {
        boolean included = config.includeLabels().isEmpty();
        for (String label : indicator.labels()) {
            String lower = label.toLowerCase(Locale.ROOT);
            if (config.excludeLabels().contains(lower)) {
                return "label '" + label + "' is excluded";
            }
            included |= config.includeLabels().contains(lower);
        }
        return included ? null : "no label among the included labels";
    }
}
