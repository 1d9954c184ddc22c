package io.ctipipe.bench.internals;

import io.ctipipe.emulator.sentinelone.ArrivalListener;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The emulator's listener: passes each arrival to the log of the phase running now. */
final class Arrivals implements ArrivalListener {
    private final AtomicReference<ArrivalLog> current = new AtomicReference<>(new ArrivalLog());

    /** Starts a new phase; arrivals from now on go to the returned log. */
    ArrivalLog newPhase() {
        ArrivalLog log = new ArrivalLog();
        current.set(log);
        return log;
    }

    @Override
    public void stored(String externalId, String type, String value, Instant at) {
        current.get().stored(externalId, type, value, at);
    }
}
