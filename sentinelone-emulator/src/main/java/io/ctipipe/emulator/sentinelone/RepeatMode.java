package io.ctipipe.emulator.sentinelone;

import java.util.Locale;

/**
 * What the emulator does when an IOC is POSTed again. SentinelOne does not document its repeat
 * semantics, so a client must be correct under both.
 */
public enum RepeatMode {
    /**
     * An item with the same scope, source, type, value and externalId as a stored IOC updates it:
     * the uuid stays, the fields and {@code updatedAt} change.
     */
    UPSERT,
    /** Every POSTed item becomes a new IOC with a new uuid, duplicates included. */
    NEW_RECORD;

    /** {@code upsert} or {@code new-record} (any case, {@code _} or {@code -}). */
    public static RepeatMode parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
