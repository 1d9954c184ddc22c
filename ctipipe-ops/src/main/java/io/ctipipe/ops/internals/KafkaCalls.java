package io.ctipipe.ops.internals;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaFuture;

/**
 * Waits for an Admin result and turns Kafka's checked wrappers into one unchecked exception whose
 * message says what was being done, so the command prints one clear line.
 */
public final class KafkaCalls {
    private KafkaCalls() {}

    public static <T> T await(KafkaFuture<T> future, String doing) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(doing + " failed: " + cause.getMessage(), cause);
        }
    }
}
