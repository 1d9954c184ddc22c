package io.ctipipe.emulator.sentinelone.internals;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of API requests, by method and by the status answered (0: no answer). */
public final class RequestStats {
    /** The pseudo status of a request that got no answer (reset, hang, lost response). */
    public static final int NO_ANSWER = 0;

    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();

    public void request(String method) {
        requests.incrementAndGet();
        byMethod.computeIfAbsent(method, key -> new AtomicLong()).incrementAndGet();
    }

    public void answered(int status) {
        byStatus.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long requests(String method) {
        AtomicLong count = byMethod.get(method);
        return count == null ? 0 : count.get();
    }

    public Map<Integer, Long> byStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        byStatus.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    public void clear() {
        requests.set(0);
        byMethod.clear();
        byStatus.clear();
    }
}
