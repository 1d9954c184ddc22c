package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.emulator.sentinelone.RepeatMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The IOCs the emulator holds, in upload order, keyed by uuid. In {@link RepeatMode#UPSERT} an item
 * whose scope, source, type, value and externalId match a stored IOC replaces its fields and keeps
 * its uuid and uploadTime. All methods are atomic.
 */
public final class IocStore {
    private final Map<String, ObjectNode> byUuid = new LinkedHashMap<>();
    private final Map<String, String> uuidByKey = new HashMap<>();

    /**
     * Stores prepared objects (every field set, a fresh uuid each) and returns what was stored: the
     * prepared object, or in UPSERT mode the updated existing one. Stored objects are never changed
     * afterwards (an update replaces the object), so the caller may serialise them as they are.
     */
    public synchronized List<ObjectNode> save(List<ObjectNode> prepared, RepeatMode mode) {
        List<ObjectNode> saved = new ArrayList<>();
        for (ObjectNode ioc : prepared) {
            saved.add(save(ioc, mode));
        }
        return saved;
    }

    private ObjectNode save(ObjectNode ioc, RepeatMode mode) {
        String key = upsertKey(ioc);
        String existing = uuidByKey.get(key);
        if (mode == RepeatMode.UPSERT && existing != null) {
            ObjectNode stored = byUuid.get(existing);
            ioc.put("uuid", existing);
            ioc.set("uploadTime", stored.get("uploadTime"));
            byUuid.put(existing, ioc);
            return ioc;
        }
        String uuid = ioc.get("uuid").asText();
        byUuid.put(uuid, ioc);
        uuidByKey.put(key, uuid);
        return ioc;
    }

    public synchronized List<ObjectNode> matching(Predicate<JsonNode> filter) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode ioc : byUuid.values()) {
            if (filter.test(ioc)) {
                found.add(ioc.deepCopy());
            }
        }
        return found;
    }

    /** Removes every IOC the filter matches; returns how many. */
    public synchronized int delete(Predicate<JsonNode> filter) {
        int affected = 0;
        Iterator<ObjectNode> iocs = byUuid.values().iterator();
        while (iocs.hasNext()) {
            ObjectNode ioc = iocs.next();
            if (filter.test(ioc)) {
                iocs.remove();
                uuidByKey.remove(upsertKey(ioc), ioc.get("uuid").asText());
                affected++;
            }
        }
        return affected;
    }

    public synchronized int size() {
        return byUuid.size();
    }

    public synchronized void clear() {
        byUuid.clear();
        uuidByKey.clear();
    }

    static String upsertKey(JsonNode ioc) {
        return String.join(
                "\u0000",
                ioc.path("scopeId").asText(),
                ioc.path("source").asText(),
                ioc.path("type").asText(),
                ioc.path("value").asText(),
                ioc.path("externalId").asText());
    }
}
