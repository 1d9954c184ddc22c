package io.ctipipe.emulator.opencti.internals;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of one stream request, read as the platform reads them: each flag from the query
 * parameter or else the header; the start from {@code ?from=}, then the {@code from} header, then
 * {@code Last-Event-ID}.
 *
 * @param start the exclusive start id; empty means "now"
 * @param recover the recover date, if any
 * @param startGiven whether any start position was given (recover needs one)
 */
public record StreamRequest(
        Optional<StreamId> start,
        Optional<Instant> recover,
        boolean startGiven,
        boolean listenDelete,
        boolean noDependencies,
        boolean withInferences) {

    public static StreamRequest parse(String rawQuery, Headers headers) {
        Map<String, String> query = query(rawQuery);
        String from = first(query.get("from"), headers.getFirst("from"));
        from = first(from, headers.getFirst("Last-Event-ID"));
        String recover = first(query.get("recover"), headers.getFirst("recover"));
        recover = first(recover, headers.getFirst("recover-date"));
        return new StreamRequest(
                Optional.ofNullable(from).flatMap(StreamRequest::position),
                Optional.ofNullable(recover).flatMap(StreamRequest::position).map(StreamId::time),
                from != null,
                !"false".equals(flag("listen-delete", query, headers)),
                "true".equals(flag("no-dependencies", query, headers))
                        || "true".equals(flag("no-relationships", query, headers)),
                "true".equals(flag("with-inferences", query, headers)));
    }

    /**
     * A start or recover value: {@code 0}, an id with exactly one dash, or a date. A bare number or
     * anything else unreadable means "now", as on the platform.
     */
    static Optional<StreamId> position(String text) {
        String value = text.trim();
        if (value.equals("0")) {
            return Optional.of(StreamId.ZERO);
        }
        if (value.indexOf('-') > 0 && value.indexOf('-') == value.lastIndexOf('-')) {
            try {
                return Optional.of(StreamId.parse(value));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return date(value).map(StreamId::at);
    }

    private static Optional<Instant> date(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            // Not a full date-time; try a plain date next.
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String flag(String name, Map<String, String> query, Headers headers) {
        return first(query.get(name), headers.getFirst(name));
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isEmpty() ? preferred : emptyToNull(fallback);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.putIfAbsent(decode(name), decode(value));
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
