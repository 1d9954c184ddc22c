package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.stream.IngesterState;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The last state committed to Kafka, shared with the OpenCTI pinger and the health check. */
public final class CommittedState {
    private final AtomicReference<IngesterState> state = new AtomicReference<>();

    public void set(IngesterState value) {
        state.set(value);
    }

    public Optional<IngesterState> get() {
        return Optional.ofNullable(state.get());
    }
}
