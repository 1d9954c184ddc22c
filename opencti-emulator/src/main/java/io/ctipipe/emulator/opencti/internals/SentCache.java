package io.ctipipe.emulator.opencti.internals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-connection memory of objects already sent, so that a dependency goes out once per
 * connection; bounded like the platform's LRU (5000 entries).
 */
final class SentCache {
    private static final int MAX_ENTRIES = 5000;

    private final Map<String, Boolean> sent =
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_ENTRIES;
                }
            };

    boolean contains(String stixId) {
        return sent.containsKey(stixId);
    }

    void add(String stixId) {
        if (!stixId.isEmpty()) {
            sent.put(stixId, Boolean.TRUE);
        }
    }
}
