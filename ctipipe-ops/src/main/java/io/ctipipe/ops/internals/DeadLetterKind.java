package io.ctipipe.ops.internals;

import io.ctipipe.contracts.kafka.Topics;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The topics {@code ctipipe dlq} reads, by the name used on its {@code --topic} option. Only the
 * two dead-letter topics can be redriven: a skipped Indicator failed no delivery, the mapper
 * decided it cannot be mapped, and sending it again would skip it again.
 */
public enum DeadLetterKind {
    /** IOC commands the sink gave up on, with {@code ctipipe.dlq.*} headers. */
    IOCS_DLQ("iocs-dlq", true),
    /** Raw events the mapper could not process, with {@code __streams.errors.*} headers. */
    EVENTS_DLQ("events-dlq", true),
    /** Indicators the mapper could not map, with {@code ctipipe.skip.*} headers. */
    SKIPPED("skipped", false);

    private final String optionName;
    private final boolean redrivable;

    DeadLetterKind(String optionName, boolean redrivable) {
        this.optionName = optionName;
        this.redrivable = redrivable;
    }

    public String optionName() {
        return optionName;
    }

    public boolean redrivable() {
        return redrivable;
    }

    public String topic(Topics topics) {
        return switch (this) {
            case IOCS_DLQ -> topics.iocsDlq();
            case EVENTS_DLQ -> topics.eventsDlq();
            case SKIPPED -> topics.skipped();
        };
    }

    /** Parses an option value, case-insensitive; the message lists the accepted names. */
    public static DeadLetterKind fromOption(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.optionName.equals(value))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "expected one of " + names() + ", got '" + text + "'"));
    }

    public static String names() {
        return Arrays.stream(values())
                .map(DeadLetterKind::optionName)
                .collect(Collectors.joining(", "));
    }
}
