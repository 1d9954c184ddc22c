package io.ctipipe.ops.internals;

import io.ctipipe.contracts.stream.StreamPosition;

/**
 * Parses {@code replay --stage ingester --from}: a stream id {@code <ms>-<seq>} ({@code 0-0} is the
 * start of what the platform retains) or an ISO-8601 time, which becomes {@code <ms>-0} as the
 * ingester's own start setting does.
 */
public final class StreamStart {
    private StreamStart() {}

    public static StreamPosition parse(String text) {
        String value = text.trim();
        if (StreamPosition.isValid(value)) {
            return StreamPosition.parse(value);
        }
        try {
            return StreamPosition.at(TimeText.instant(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected a stream id <ms>-<seq> (0-0 for the start) or an ISO-8601 time such"
                            + " as 2026-03-03T14:00:00Z, got '"
                            + text
                            + "'",
                    e);
        }
    }
}
