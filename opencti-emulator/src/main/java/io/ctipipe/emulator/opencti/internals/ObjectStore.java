package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's database as the stream leaves it: the latest state of every object that was
 * created and not deleted. It answers dependency look-ups and recover-mode snapshots. Not
 * thread-safe; {@link EventLog} guards it.
 */
final class ObjectStore {
    private final Map<String, StoredObject> byInternalId = new HashMap<>();
    private final Map<String, String> internalIdByStixId = new HashMap<>();

    void apply(LogEntry entry) {
        switch (entry.event()) {
            case "create", "update" -> put(entry);
            case "merge" -> merge(entry);
            case "delete" -> Stix.internalId(entry.stix()).ifPresent(this::remove);
            default -> {
                // Other event names carry no object state.
            }
        }
    }

    Optional<StoredObject> byStixId(String stixId) {
        return Optional.ofNullable(internalIdByStixId.get(stixId)).map(byInternalId::get);
    }

    /** Objects updated within [from, to] (inclusive), by update time then internal id. */
    List<StoredObject> updatedBetween(long fromMillis, long toMillis) {
        return byInternalId.values().stream()
                .filter(o -> o.updatedAtMillis() >= fromMillis && o.updatedAtMillis() <= toMillis)
                .sorted(
                        Comparator.comparingLong(StoredObject::updatedAtMillis)
                                .thenComparing(StoredObject::internalId))
                .toList();
    }

    private void put(LogEntry entry) {
        Optional<String> internalId = Stix.internalId(entry.stix());
        if (internalId.isEmpty()) {
            return;
        }
        remove(internalId.get());
        long updatedAt = updatedAt(entry.stix(), entry.id().millis());
        StoredObject object = new StoredObject(internalId.get(), entry.stix(), updatedAt);
        byInternalId.put(object.internalId(), object);
        internalIdByStixId.put(object.stixId(), object.internalId());
    }

    private void merge(LogEntry entry) {
        put(entry);
        JsonNode sources = Stix.parseLeniently(entry.data()).path("context").path("sources");
        sources.forEach(source -> Stix.internalId(source).ifPresent(this::remove));
    }

    private void remove(String internalId) {
        StoredObject old = byInternalId.remove(internalId);
        if (old != null) {
            internalIdByStixId.remove(old.stixId());
        }
    }

    private static long updatedAt(JsonNode stix, long fallback) {
        String text = stix.path("extensions").path(Stix.EXT).path("updated_at").asText("");
        if (text.isEmpty()) {
            text = stix.path("modified").asText("");
        }
        try {
            return text.isEmpty() ? fallback : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
