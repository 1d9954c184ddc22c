package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.stream.StreamPosition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a first start begins ({@code CONNECTOR_LIVE_STREAM_START_FROM}) and until when recover mode
 * applies ({@code CONNECTOR_LIVE_STREAM_RECOVER_UNTIL}). Dates become {@code <ms>-0}: the platform
 * ignores a bare millisecond number, so the ingester never sends one.
 */
public final class StartPosition {
    private StartPosition() {}

    public static boolean isValidStart(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        return value.equals("0")
                || value.equals("now")
                || isValidDate(value)
                || StreamPosition.isValid(value);
    }

    public static boolean isValidDate(String text) {
        String value = text.trim();
        return value.equalsIgnoreCase("now") || date(value).isPresent();
    }

    /** The start position for a stream with no stored state. */
    public static StreamPosition resolve(String startFrom, Clock clock) {
        String value = startFrom.trim().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return StreamPosition.START;
        }
        if (value.equals("now")) {
            return StreamPosition.at(clock.instant());
        }
        if (StreamPosition.isValid(value)) {
            return StreamPosition.parse(value);
        }
        return StreamPosition.at(date(startFrom.trim()).orElseThrow());
    }

    /** The recover date, or empty when recover mode is off. */
    public static Optional<Instant> recoverUntil(String text, Clock clock) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        return value.equalsIgnoreCase("now") ? Optional.of(clock.instant()) : date(value);
    }

    private static Optional<Instant> date(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            // Not a date-time with an offset; a plain date is tried next.
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
