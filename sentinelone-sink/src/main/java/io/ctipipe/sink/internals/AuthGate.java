package io.ctipipe.sink.internals;

import io.ctipipe.contracts.config.ConfigKeys;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks an authentication outage: SentinelOne refuses the credentials (401 or 403), or the sink
 * refuses SentinelOne's certificate (see {@link FailureClass#TLS}). While it lasts the sink is
 * unhealthy, its consumer is paused, and every refused call is tried again every {@code
 * SINK_AUTH_RETRY_INTERVAL} until it passes; nothing is dead-lettered, since nothing is wrong with
 * the records. One ERROR is logged when the outage starts and when its cause changes.
 */
public final class AuthGate {
    private static final Logger log = LoggerFactory.getLogger(AuthGate.class);

    private final Duration retryInterval;
    private final String host;
    private final AtomicBoolean outage = new AtomicBoolean();
    private final AtomicReference<String> detail = new AtomicReference<>("");

    /**
     * @param host the console's host (and port), named in the logs and on /health
     */
    public AuthGate(Duration retryInterval, String host) {
        this.retryInterval = retryInterval;
        this.host = host;
    }

    public boolean inOutage() {
        return outage.get();
    }

    /** The line /health shows during an outage. */
    public String detail() {
        return detail.get();
    }

    /**
     * Records a refusal ({@link FailureClass#isOutage()}) and waits one retry interval; false when
     * the wait was cancelled, so the caller must give up.
     */
    boolean refusedThenWait(CallResult<?> refused, Cancellation cancellation) {
        String now = describe(refused);
        outage.set(true);
        if (!Objects.equals(detail.getAndSet(now), now)) {
            logStart(refused);
        }
        return cancellation.await(retryInterval);
    }

    private String describe(CallResult<?> refused) {
        if (refused.failureClass() == FailureClass.TLS) {
            return "TLS with SentinelOne at "
                    + host
                    + " fails: "
                    + FailureClassifier.tlsProblem(refused.failure());
        }
        return "SentinelOne refuses the credentials (HTTP "
                + refused.httpStatus()
                + "): check "
                + ConfigKeys.SENTINELONE_API_KEY.env()
                + " and "
                + ConfigKeys.SENTINELONE_ACCOUNT_ID.env();
    }

    private void logStart(CallResult<?> refused) {
        if (refused.failureClass() == FailureClass.TLS) {
            log.error(
                    "TLS handshake with SentinelOne failed host={} problem={}; paused, nothing is"
                            + " dead-lettered, retrying every {}",
                    host,
                    FailureClassifier.tlsProblem(refused.failure()),
                    retryInterval);
            log.debug("The TLS failure in full host={}", host, refused.failure());
            return;
        }
        log.error(
                "SentinelOne refused the credentials status={} host={}; paused, retrying every {};"
                        + " check {} and {}",
                refused.httpStatus(),
                host,
                retryInterval,
                ConfigKeys.SENTINELONE_API_KEY.env(),
                ConfigKeys.SENTINELONE_ACCOUNT_ID.env());
    }

    void passed() {
        if (outage.compareAndSet(true, false)) {
            detail.set("");
            log.info("SentinelOne accepts the connection and the credentials again; resuming");
        }
    }
}
