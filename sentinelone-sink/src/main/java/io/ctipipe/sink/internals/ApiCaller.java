package io.ctipipe.sink.internals;

import io.ctipipe.sink.SinkConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one SentinelOne call with the sink's single retry layer (Resilience4j): up to {@code
 * SENTINELONE_MAX_API_ATTEMPTS} attempts for {@link FailureClass#RETRIABLE} failures, waiting the
 * server's Retry-After when it gives one (capped by {@code SINK_RETRY_AFTER_MAX}) and otherwise an
 * exponential backoff with jitter. A credentials refusal or an untrusted certificate ({@link
 * FailureClass#isOutage()}) is not retried here but waited out through the {@link AuthGate}, as
 * long as it lasts, unless the work is cancelled.
 */
public final class ApiCaller {
    private static final Logger log = LoggerFactory.getLogger(ApiCaller.class);

    private final Retry retry;
    private final IntervalFunction backoff;
    private final Duration retryAfterMax;
    private final AuthGate authGate;
    private final SinkMetrics metrics;
    private final Clock clock;

    public ApiCaller(SinkConfig config, AuthGate authGate, SinkMetrics metrics, Clock clock) {
        this.backoff =
                IntervalFunction.ofExponentialRandomBackoff(
                        config.retryBackoff(), 2.0, 0.5, config.retryMaxBackoff());
        this.retryAfterMax = config.retryAfterMax();
        this.authGate = authGate;
        this.metrics = metrics;
        this.clock = clock;
        this.retry = Retry.of("sentinelone", retryConfig(config.maxApiAttempts()));
    }

    private RetryConfig retryConfig(int maxAttempts) {
        return RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .retryOnException(e -> FailureClassifier.classify(e) == FailureClass.RETRIABLE)
                .intervalBiFunction(this::waitMillis)
                .build();
    }

    private long waitMillis(Integer attempt, Either<Throwable, Object> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof ApiException api) {
            if (api.retryAfter() != null) {
                Duration wanted = api.retryAfter();
                return (wanted.compareTo(retryAfterMax) > 0 ? retryAfterMax : wanted).toMillis();
            }
        }
        return backoff.apply(attempt);
    }

    /** Calls until success, a non-retriable failure, exhaustion, or cancellation. */
    public <T> CallResult<T> call(
            String operation, Cancellation cancellation, CheckedSupplier<T> request) {
        boolean ambiguous = false;
        while (true) {
            cancellation.check();
            CallResult<T> result = callWithRetries(operation, cancellation, request);
            // A request cut before the outage may have been carried out all the same.
            ambiguous |= result.ambiguous();
            if (result.failureClass() == null || !result.failureClass().isOutage()) {
                if (result.ok()) {
                    authGate.passed();
                }
                return ambiguous ? result.withAmbiguous() : result;
            }
            metrics.retry(operation, result.failureClass() == FailureClass.TLS ? "tls" : "auth");
            if (!authGate.refusedThenWait(result, cancellation)) {
                throw new CycleAbandoned("cancelled during an authentication outage");
            }
        }
    }

    private <T> CallResult<T> callWithRetries(
            String operation, Cancellation cancellation, CheckedSupplier<T> request) {
        Attempts attempts = new Attempts(clock);
        try {
            T value =
                    retry.executeCheckedSupplier(
                            () -> attempt(operation, cancellation, request, attempts));
            return attempts.success(value);
        } catch (Error | CycleAbandoned e) {
            throw e;
        } catch (Throwable e) {
            // A failure after cancellation is most likely the interrupt itself.
            cancellation.check();
            return attempts.failure(e);
        }
    }

    private <T> T attempt(
            String operation,
            Cancellation cancellation,
            CheckedSupplier<T> request,
            Attempts attempts)
            throws Throwable {
        cancellation.check();
        if (attempts.count() > 0) {
            String cause = FailureClassifier.cause(attempts.lastFailure());
            metrics.retry(operation, cause);
            log.warn(
                    "Retrying SentinelOne call operation={} attempt={} cause={}",
                    operation,
                    attempts.count() + 1,
                    cause);
        }
        attempts.started();
        metrics.attempt(operation);
        long started = System.nanoTime();
        try {
            return request.get();
        } catch (Throwable e) {
            attempts.failed(e);
            throw e;
        } finally {
            metrics.latency(operation, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The attempt log of one call. */
    private static final class Attempts {
        private final Clock clock;
        private int count;
        private Instant first;
        private Instant last;
        private Throwable lastFailure;
        private boolean ambiguous;

        Attempts(Clock clock) {
            this.clock = clock;
        }

        void started() {
            last = clock.instant();
            first = first == null ? last : first;
            count++;
        }

        void failed(Throwable failure) {
            lastFailure = failure;
            ambiguous |= FailureClassifier.isAmbiguous(failure);
        }

        int count() {
            return count;
        }

        Throwable lastFailure() {
            return lastFailure;
        }

        <T> CallResult<T> success(T value) {
            return new CallResult<>(value, null, null, count, first, last, ambiguous);
        }

        <T> CallResult<T> failure(Throwable failure) {
            FailureClass failureClass = FailureClassifier.classify(failure);
            return new CallResult<>(null, failure, failureClass, count, first, last, ambiguous);
        }
    }
}
