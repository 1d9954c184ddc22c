package io.ctipipe.emulator.opencti.internals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-memory stand-in for the platform's Redis stream: entries appended with ids {@code
 * <ms>-<seq>} that only grow, exclusive reads after an id, and trimming by count (exact, where
 * Redis trims approximately). Readers block on it like {@code XREAD BLOCK}.
 */
public final class EventLog {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<LogEntry> entries = new ArrayList<>();
    private final ObjectStore objects = new ObjectStore();
    private final Clock clock;
    private final int retention;
    private StreamId lastIssued = StreamId.ZERO;

    /**
     * @param retention entries kept; older ones are trimmed as new ones arrive
     */
    public EventLog(Clock clock, int retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /** Appends one message and returns its id, strictly greater than any id handed out. */
    public StreamId append(String event, String data) {
        lock.lock();
        try {
            StreamId id = nextId();
            LogEntry entry = LogEntry.of(id, event, data);
            entries.add(entry);
            objects.apply(entry);
            trimTo(retention);
            appended.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Up to max entries strictly after the cursor; a trimmed cursor reads from the oldest. */
    public List<LogEntry> readAfter(StreamId cursor, int max) {
        lock.lock();
        try {
            int from = firstIndexAfter(cursor);
            int to = Math.min(entries.size(), from + max);
            return List.copyOf(entries.subList(from, to));
        } finally {
            lock.unlock();
        }
    }

    /** Waits until an entry after the cursor exists; false when the wait timed out. */
    public boolean awaitAfter(StreamId cursor, long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (firstIndexAfter(cursor) == entries.size()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = appended.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The idle position {@code <now>-0} a heartbeat carries when nothing follows the cursor, as the
     * platform does after an empty blocking read. Later entries get greater ids, so a client that
     * stores this position never skips them.
     */
    public Optional<StreamId> idlePosition(StreamId cursor) {
        lock.lock();
        try {
            if (firstIndexAfter(cursor) < entries.size()) {
                return Optional.empty();
            }
            StreamId now = StreamId.at(clock.instant());
            lastIssued = now.isAfter(lastIssued) ? now : lastIssued;
            return Optional.of(lastIssued);
        } finally {
            lock.unlock();
        }
    }

    /** The greatest id handed out so far: where a client starting "now" begins. */
    public StreamId lastIssued() {
        lock.lock();
        try {
            return lastIssued;
        } finally {
            lock.unlock();
        }
    }

    public void trim(int keep) {
        lock.lock();
        try {
            trimTo(keep);
        } finally {
            lock.unlock();
        }
    }

    public List<LogEntry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** What the {@code connected} message reports: oldest, newest and size. */
    public LogInfo info() {
        lock.lock();
        try {
            if (entries.isEmpty()) {
                return new LogInfo(StreamId.ZERO, StreamId.ZERO, 0);
            }
            StreamId first = entries.get(0).id();
            StreamId last = entries.get(entries.size() - 1).id();
            return new LogInfo(first, last, entries.size());
        } finally {
            lock.unlock();
        }
    }

    public Optional<StoredObject> object(String stixId) {
        lock.lock();
        try {
            return objects.byStixId(stixId);
        } finally {
            lock.unlock();
        }
    }

    /** Current objects updated within [from, to], for recover mode. */
    public List<StoredObject> updatedBetween(long fromMillis, long toMillis) {
        lock.lock();
        try {
            return objects.updatedBetween(fromMillis, toMillis);
        } finally {
            lock.unlock();
        }
    }

    /** Relationships in the database whose source or target is the given STIX id. */
    public List<StoredObject> relationshipsOf(String stixId) {
        lock.lock();
        try {
            return objects.updatedBetween(0, Long.MAX_VALUE).stream()
                    .filter(o -> "relationship".equals(o.stix().path("type").asText()))
                    .filter(o -> touches(o, stixId))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    private static boolean touches(StoredObject relationship, String stixId) {
        return stixId.equals(relationship.stix().path("source_ref").asText())
                || stixId.equals(relationship.stix().path("target_ref").asText());
    }

    private StreamId nextId() {
        long now = clock.millis();
        lastIssued =
                now > lastIssued.millis()
                        ? new StreamId(now, 0)
                        : new StreamId(lastIssued.millis(), lastIssued.sequence() + 1);
        return lastIssued;
    }

    private int firstIndexAfter(StreamId cursor) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).id().isAfter(cursor)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private void trimTo(int keep) {
        int excess = entries.size() - keep;
        if (excess > 0) {
            entries.subList(0, excess).clear();
        }
    }

    /** Oldest and newest retained ids and the number of entries. */
    public record LogInfo(StreamId first, StreamId last, int size) {}
}
