package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * validUntil rules as documented for the console: when blank, upload time plus a default per type
 * (IPs 14 days, URLs and domains 90, hashes 180); when later than upload time plus a maximum (IPs
 * 30 days, URLs and domains 180, hashes 180), clamped to that maximum. Accepted forms: ISO-8601
 * with an offset or Z (fractional seconds allowed) and {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (UTC).
 */
public final class ValidityWindow {
    private static final DateTimeFormatter SPACED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

    private ValidityWindow() {}

    public static Duration defaultFor(String type) {
        return Duration.ofDays(isIp(type) ? 14 : isHash(type) ? 180 : 90);
    }

    public static Duration maximumFor(String type) {
        return Duration.ofDays(isIp(type) ? 30 : 180);
    }

    /** The validUntil to store for an item of this type uploaded at now. */
    public static Instant effective(String type, JsonNode given, Instant now) {
        Instant limit = now.plus(maximumFor(type));
        Instant wanted = read(given).orElse(now.plus(defaultFor(type)));
        return wanted.isAfter(limit) ? limit : wanted;
    }

    static Optional<String> problem(JsonNode given) {
        if (given == null || given.isNull() || given.asText().isBlank()) {
            return Optional.empty();
        }
        if (!given.isTextual() || read(given).isEmpty()) {
            return Optional.of("validUntil is not a date-time");
        }
        return Optional.empty();
    }

    private static Optional<Instant> read(JsonNode given) {
        if (given == null || !given.isTextual() || given.asText().isBlank()) {
            return Optional.empty();
        }
        String text = given.asText().trim();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notSpaced) {
                return Optional.empty();
            }
        }
    }

    private static boolean isIp(String type) {
        return type.startsWith("IPV");
    }

    private static boolean isHash(String type) {
        return type.equals("MD5") || type.startsWith("SHA");
    }
}
