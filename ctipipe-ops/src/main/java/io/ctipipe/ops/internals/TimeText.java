package io.ctipipe.ops.internals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times and durations operators type. A time is ISO-8601 with a zone or offset, without one
 * (read as UTC, like {@code kafka-consumer-groups}), or a plain date (midnight UTC). A duration is
 * ISO-8601 ({@code PT1H}, {@code P1DT2H}) or a number and a unit: {@code 90s}, {@code 30m}, {@code
 * 2h}, {@code 3d}.
 */
public final class TimeText {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private TimeText() {}

    public static Instant instant(String text) {
        String value = text.trim();
        try {
            return ZonedDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // No zone: tried next as UTC.
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // Not a date-time: tried next as a date.
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "expected an ISO-8601 time such as 2026-03-03T14:00:00Z, 2026-03-03T14:00"
                            + " (UTC) or 2026-03-03, got '"
                            + text
                            + "'",
                    e);
        }
    }

    public static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Duration.of(amount, unit(matcher.group(2)));
        }
        try {
            Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // Reported below with the accepted forms.
        }
        throw new IllegalArgumentException(
                "expected a duration such as PT1H, P1DT2H, 30m, 2h or 3d, got '" + text + "'");
    }

    /** A time, or a duration meaning that long before {@code now}. */
    public static Instant sinceOrAgo(String text, Instant now) {
        try {
            return now.minus(duration(text));
        } catch (IllegalArgumentException notDuration) {
            try {
                return instant(text);
            } catch (IllegalArgumentException notTime) {
                throw new IllegalArgumentException(
                        "expected a time (2026-03-03T14:00:00Z, 2026-03-03) or a duration ago"
                                + " (30m, 2h, 3d, PT1H), got '"
                                + text
                                + "'",
                        notTime);
            }
        }
    }

    /** An instant for tables: seconds precision, UTC. */
    public static String shown(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** How long ago, coarse: {@code 42s}, {@code 7m}, {@code 3h}, {@code 2d}. */
    public static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 120) {
            return seconds + "s ago";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + "m ago";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + "h ago";
        }
        return seconds / 86400 + "d ago";
    }

    /** A duration, coarse: {@code 45 s}, {@code 5 min}, {@code 2 h}. */
    public static String span(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 2 * 3600 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }

    private static ChronoUnit unit(String unit) {
        return switch (unit) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
    }
}
