package io.ctipipe.mapper.internals;

import io.ctipipe.contracts.ioc.Ioc;
import java.util.List;

/**
 * Builds the SentinelOne IOC objects of an Indicator. The description is cut to {@value
 * #MAX_DESCRIPTION} characters (never inside a surrogate pair): OpenCTI descriptions can hold whole
 * reports, and SentinelOne documents no limit. An Indicator without a name is named by the IOC
 * value.
 */
final class IocFactory {
    /** The longest description sent, in UTF-16 characters. */
    static final int MAX_DESCRIPTION = 1000;

    static final String PATTERN_TYPE = "STIX";

    private final String source;

    IocFactory(String source) {
        this.source = source;
    }

    List<Ioc> create(List<IocValue> values, Indicator indicator) {
        return values.stream().map(value -> create(value, indicator)).toList();
    }

    private Ioc create(IocValue value, Indicator indicator) {
        return new Ioc(
                value.type(),
                value.value(),
                Ioc.METHOD_EQUALS,
                source,
                indicator.stixId(),
                indicator.name() == null ? value.value() : indicator.name(),
                trim(indicator.description()),
                indicator.validUntilText(),
                indicator.created(),
                indicator.labels().isEmpty() ? null : indicator.labels(),
                indicator.pattern(),
                PATTERN_TYPE,
                indicator.score());
    }

    static String trim(String description) {
        if (description == null || description.length() <= MAX_DESCRIPTION) {
            return description;
        }
        int end = MAX_DESCRIPTION;
        if (Character.isHighSurrogate(description.charAt(end - 1))) {
            end--;
        }
        return description.substring(0, end);
    }
}
