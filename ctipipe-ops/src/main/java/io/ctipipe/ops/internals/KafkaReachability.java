package io.ctipipe.ops.internals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.ctipipe.contracts.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.LoggerFactory;

/**
 * Checks, before an operations command starts, that Kafka answers. Without it an unreachable
 * bootstrap address costs the client's default minute and dozens of connection warnings before a
 * metadata timeout that names neither the setting nor the address.
 */
public final class KafkaReachability {
    /** How long Kafka has to answer before the command gives up. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

    private KafkaReachability() {}

    /** Returns once the cluster answered; throws one readable IllegalStateException otherwise. */
    public static void require(KafkaSettings kafka) {
        quietConnectionWarnings();
        int timeoutMs = (int) TIMEOUT.toMillis();
        Map<String, Object> config = kafka.clientConfig();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ctipipe-ops-reachability");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .clusterId()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while contacting Kafka", e);
        } catch (ExecutionException e) {
            throw unreachable(kafka, e.getCause());
        }
    }

    private static IllegalStateException unreachable(KafkaSettings kafka, Throwable cause) {
        String message =
                "no answer from Kafka at KAFKA_BOOTSTRAP_SERVERS="
                        + kafka.bootstrapServers()
                        + " within "
                        + TIMEOUT.toSeconds()
                        + "s (is it reachable, and are KAFKA_SECURITY_PROTOCOL and the"
                        + " credentials right?)";
        // A timeout says nothing the message does not; other causes (SASL, TLS) do.
        return cause instanceof TimeoutException
                ? new IllegalStateException(message)
                : new IllegalStateException(message, cause);
    }

    /**
     * The client logs a WARN per failed connection attempt, several a second; the command's own
     * error line says the same once.
     */
    private static void quietConnectionWarnings() {
        if (LoggerFactory.getLogger(NETWORK_CLIENT) instanceof Logger logger) {
            logger.setLevel(Level.ERROR);
        }
    }
}
