package io.ctipipe.sink.internals;

import io.ctipipe.contracts.config.ConfigKeys;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks a credentials outage (401 or 403). While it lasts the sink is unhealthy, its consumer is
 * paused, and every refused call is tried again every {@code SINK_AUTH_RETRY_INTERVAL} until it
 * passes; nothing is dead-lettered, since nothing is wrong with the records.
 */
public final class AuthGate {
    private static final Logger log = LoggerFactory.getLogger(AuthGate.class);

    private final Duration retryInterval;
    private final AtomicBoolean outage = new AtomicBoolean();
    private volatile int lastStatus;

    public AuthGate(Duration retryInterval) {
        this.retryInterval = retryInterval;
    }

    public boolean inOutage() {
        return outage.get();
    }

    /** The line /health shows during an outage. */
    public String detail() {
        return "SentinelOne refuses the credentials (HTTP "
                + lastStatus
                + "): check "
                + ConfigKeys.SENTINELONE_API_KEY.env()
                + " and "
                + ConfigKeys.SENTINELONE_ACCOUNT_ID.env();
    }

    /**
     * Records a refusal and waits one retry interval; false when the wait was cancelled, so the
     * caller must give up.
     */
    boolean refusedThenWait(int status, Cancellation cancellation) {
        lastStatus = status;
        if (outage.compareAndSet(false, true)) {
            log.error(
                    "SentinelOne refused the credentials status={}; paused, retrying every {};"
                            + " check {} and {}",
                    status,
                    retryInterval,
                    ConfigKeys.SENTINELONE_API_KEY.env(),
                    ConfigKeys.SENTINELONE_ACCOUNT_ID.env());
        }
        return cancellation.await(retryInterval);
    }

    void passed() {
        if (outage.compareAndSet(true, false)) {
            log.info("SentinelOne accepts the credentials again; resuming");
        }
    }
}
