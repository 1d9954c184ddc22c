package io.ctipipe.ops.internals;

import java.time.Instant;
import java.util.Locale;

/**
 * Which dead letters a listing or a redrive selects; every given criterion must match.
 *
 * @param since entries dead-lettered at or after this time, or null for all
 * @param httpStatus entries with this HTTP status, or null for all
 * @param errorText a case-insensitive substring of the error class, message or skip reason, or null
 *     for all
 */
public record DeadLetterFilter(Instant since, Integer httpStatus, String errorText) {
    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null);

    public boolean matches(DeadLetterEntry entry) {
        return matchesSince(entry) && matchesStatus(entry) && matchesError(entry);
    }

    private boolean matchesSince(DeadLetterEntry entry) {
        return since == null || !entry.time().isBefore(since);
    }

    private boolean matchesStatus(DeadLetterEntry entry) {
        return httpStatus == null || httpStatus.equals(entry.httpStatus());
    }

    private boolean matchesError(DeadLetterEntry entry) {
        if (errorText == null) {
            return true;
        }
        String wanted = errorText.toLowerCase(Locale.ROOT);
        return contains(entry.errorClass(), wanted) || contains(entry.error(), wanted);
    }

    private static boolean contains(String text, String wanted) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
