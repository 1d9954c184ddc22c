package io.ctipipe.sink.internals;

import java.io.Serial;

/**
 * The current upload cycle stops without committing (shutdown or rebalance while SentinelOne was
 * unreachable or refused the credentials). What it did is safe: its IOCs carry in-flight markers,
 * and its records are read again.
 */
public final class CycleAbandoned extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    public CycleAbandoned(String reason) {
        super(reason);
    }
}
