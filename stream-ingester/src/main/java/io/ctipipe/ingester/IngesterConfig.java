package io.ctipipe.ingester;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.config.Secret;
import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.ingester.internals.StartPosition;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the stream ingester reads, validated in one pass before any client is created.
 *
 * @param startFrom where a first start (no stored state) begins: {@code 0-0}, {@code now}, an
 *     ISO-8601 date or a stream id
 * @param recoverUntil {@code now} or an ISO-8601 date asking the platform for a snapshot of the
 *     objects updated up to then (recover mode) on a first start; null for none
 * @param maxEventBytes the largest SSE message accepted, in bytes
 * @param handOffCapacity complete id groups queued between the reader and the Kafka writer
 */
public record IngesterConfig(
        URI openctiUrl,
        Secret openctiToken,
        String connectorId,
        String connectorName,
        List<String> connectorScope,
        String streamId,
        boolean listenDelete,
        boolean noDependencies,
        boolean withInferences,
        String startFrom,
        String recoverUntil,
        String transactionalId,
        int transactionMaxEvents,
        Duration transactionLinger,
        Duration idleTimeout,
        Duration connectTimeout,
        Duration reconnectMinBackoff,
        Duration reconnectMaxBackoff,
        Duration authRetryInterval,
        Duration stateHeartbeatInterval,
        Duration clockSkewMargin,
        Duration pingInterval,
        int maxEventBytes,
        int handOffCapacity,
        KafkaSettings kafka) {

    public static final ConfigKey CONNECTOR_LIVE_STREAM_WITH_INFERENCES =
            ConfigKey.of(
                    "connector.live_stream_with_inferences",
                    "false",
                    "Ask the stream for inferred objects too.");
    public static final ConfigKey CONNECTOR_LIVE_STREAM_START_FROM =
            ConfigKey.of(
                    "connector.live_stream_start_from",
                    "0-0",
                    "First start only: 0-0 (all retained), now, an ISO date, or a stream id.");
    public static final ConfigKey CONNECTOR_LIVE_STREAM_RECOVER_UNTIL =
            ConfigKey.of(
                    "connector.live_stream_recover_until",
                    null,
                    "First start only: now or an ISO date; snapshot objects updated until then.");
    public static final ConfigKey INGESTER_TRANSACTIONAL_ID =
            ConfigKey.of(
                    "ingester.transactional_id",
                    null,
                    "Kafka transactional.id; default ctipipe-ingester-<CONNECTOR_ID>.");
    public static final ConfigKey INGESTER_TRANSACTION_MAX_EVENTS =
            ConfigKey.of(
                    "ingester.transaction_max_events",
                    "500",
                    "Events per Kafka transaction before it is committed.");
    public static final ConfigKey INGESTER_TRANSACTION_LINGER =
            ConfigKey.of(
                    "ingester.transaction_linger",
                    "100ms",
                    "Longest time an event waits in an open transaction.");
    public static final ConfigKey INGESTER_IDLE_TIMEOUT =
            ConfigKey.of(
                    "ingester.idle_timeout",
                    "60s",
                    "No byte (not even a heartbeat) for this long means a dead stream;"
                            + " keep it several heartbeat periods (5 s each).");
    public static final ConfigKey INGESTER_CONNECT_TIMEOUT =
            ConfigKey.of("ingester.connect_timeout", "10s", "TCP/TLS connect timeout.");
    public static final ConfigKey INGESTER_RECONNECT_MIN_BACKOFF =
            ConfigKey.of(
                    "ingester.reconnect_min_backoff",
                    "1s",
                    "Backoff after the second failed connection in a row; doubles up to max.");
    public static final ConfigKey INGESTER_RECONNECT_MAX_BACKOFF =
            ConfigKey.of("ingester.reconnect_max_backoff", "60s", "Longest reconnect backoff.");
    public static final ConfigKey INGESTER_AUTH_RETRY_INTERVAL =
            ConfigKey.of(
                    "ingester.auth_retry_interval",
                    "60s",
                    "Retry interval after 401/410 and other configuration errors.");
    public static final ConfigKey INGESTER_STATE_HEARTBEAT_INTERVAL =
            ConfigKey.of(
                    "ingester.state_heartbeat_interval",
                    "10s",
                    "How often heartbeats may advance the stored position when idle.");
    public static final ConfigKey INGESTER_CLOCK_SKEW_MARGIN =
            ConfigKey.of(
                    "ingester.clock_skew_margin",
                    "5s",
                    "A heartbeat id is stored this much earlier (platform and Redis clocks).");
    public static final ConfigKey INGESTER_PING_INTERVAL =
            ConfigKey.of("ingester.ping_interval", "40s", "How often the connector pings OpenCTI.");
    public static final ConfigKey INGESTER_MAX_EVENT_BYTES =
            ConfigKey.of(
                    "ingester.max_event_bytes",
                    "67108864",
                    "Largest SSE message accepted (64 MiB); the Kafka topic must allow it too.");
    public static final ConfigKey INGESTER_HANDOFF_CAPACITY =
            ConfigKey.of(
                    "ingester.handoff_capacity",
                    "1000",
                    "Id groups buffered between the stream reader and the Kafka writer.");

    /** Reads and validates every key; throws ConfigException listing all problems. */
    public static IngesterConfig load(ConfigReader reader) {
        IngesterConfig config = read(reader);
        validate(reader, config);
        reader.throwIfInvalid();
        return config;
    }

    public static IngesterConfig from(ConfigSource source) {
        return load(new ConfigReader(source));
    }

    private static IngesterConfig read(ConfigReader reader) {
        String connectorId = reader.uuid(ConfigKeys.CONNECTOR_ID);
        return new IngesterConfig(
                reader.url(ConfigKeys.OPENCTI_URL),
                reader.secret(ConfigKeys.OPENCTI_TOKEN),
                connectorId,
                reader.string(ConfigKeys.CONNECTOR_NAME),
                reader.list(ConfigKeys.CONNECTOR_SCOPE),
                reader.string(ConfigKeys.CONNECTOR_LIVE_STREAM_ID),
                reader.bool(ConfigKeys.CONNECTOR_LIVE_STREAM_LISTEN_DELETE),
                reader.bool(ConfigKeys.CONNECTOR_LIVE_STREAM_NO_DEPENDENCIES),
                reader.bool(CONNECTOR_LIVE_STREAM_WITH_INFERENCES),
                reader.string(CONNECTOR_LIVE_STREAM_START_FROM),
                reader.optionalString(CONNECTOR_LIVE_STREAM_RECOVER_UNTIL).orElse(null),
                reader.optionalString(INGESTER_TRANSACTIONAL_ID)
                        .orElse("ctipipe-ingester-" + connectorId),
                reader.positiveInt(INGESTER_TRANSACTION_MAX_EVENTS),
                reader.duration(INGESTER_TRANSACTION_LINGER),
                reader.duration(INGESTER_IDLE_TIMEOUT),
                reader.duration(INGESTER_CONNECT_TIMEOUT),
                reader.duration(INGESTER_RECONNECT_MIN_BACKOFF),
                reader.duration(INGESTER_RECONNECT_MAX_BACKOFF),
                reader.duration(INGESTER_AUTH_RETRY_INTERVAL),
                reader.duration(INGESTER_STATE_HEARTBEAT_INTERVAL),
                reader.duration(INGESTER_CLOCK_SKEW_MARGIN),
                reader.duration(INGESTER_PING_INTERVAL),
                reader.positiveInt(INGESTER_MAX_EVENT_BYTES),
                reader.positiveInt(INGESTER_HANDOFF_CAPACITY),
                KafkaSettings.read(reader));
    }

    private static void validate(ConfigReader reader, IngesterConfig config) {
        if (!StartPosition.isValidStart(config.startFrom())) {
            reader.problem(
                    CONNECTOR_LIVE_STREAM_START_FROM.displayName()
                            + ": expected 0-0, now, an ISO-8601 date or a stream id <ms>-<seq>,"
                            + " got '"
                            + config.startFrom()
                            + "'");
        }
        if (config.recoverUntil() != null && !StartPosition.isValidDate(config.recoverUntil())) {
            reader.problem(
                    CONNECTOR_LIVE_STREAM_RECOVER_UNTIL.displayName()
                            + ": expected now or an ISO-8601 date, got '"
                            + config.recoverUntil()
                            + "'");
        }
        positive(reader, INGESTER_IDLE_TIMEOUT, config.idleTimeout());
        positive(reader, INGESTER_PING_INTERVAL, config.pingInterval());
        positive(reader, INGESTER_AUTH_RETRY_INTERVAL, config.authRetryInterval());
    }

    private static void positive(ConfigReader reader, ConfigKey key, Duration value) {
        // An unreadable duration reads as zero and is reported already: not a second time.
        if (value.isZero() && !reader.hasProblem(key)) {
            reader.problem(key.displayName() + ": expected a duration above zero, got 0");
        }
    }

    /** Every key this service reads, shared ones included, for docs and the compose check. */
    public static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>();
        keys.addAll(
                List.of(
                        ConfigKeys.OPENCTI_URL,
                        ConfigKeys.OPENCTI_TOKEN,
                        ConfigKeys.CONNECTOR_ID,
                        ConfigKeys.CONNECTOR_NAME,
                        ConfigKeys.CONNECTOR_SCOPE,
                        ConfigKeys.CONNECTOR_LIVE_STREAM_ID,
                        ConfigKeys.CONNECTOR_LIVE_STREAM_LISTEN_DELETE,
                        ConfigKeys.CONNECTOR_LIVE_STREAM_NO_DEPENDENCIES,
                        CONNECTOR_LIVE_STREAM_WITH_INFERENCES,
                        CONNECTOR_LIVE_STREAM_START_FROM,
                        CONNECTOR_LIVE_STREAM_RECOVER_UNTIL));
        keys.addAll(ingesterKeys());
        keys.add(KafkaSettings.BOOTSTRAP_SERVERS);
        keys.addAll(Topics.keys());
        return keys;
    }

    private static List<ConfigKey> ingesterKeys() {
        return List.of(
                INGESTER_TRANSACTIONAL_ID,
                INGESTER_TRANSACTION_MAX_EVENTS,
                INGESTER_TRANSACTION_LINGER,
                INGESTER_IDLE_TIMEOUT,
                INGESTER_CONNECT_TIMEOUT,
                INGESTER_RECONNECT_MIN_BACKOFF,
                INGESTER_RECONNECT_MAX_BACKOFF,
                INGESTER_AUTH_RETRY_INTERVAL,
                INGESTER_STATE_HEARTBEAT_INTERVAL,
                INGESTER_CLOCK_SKEW_MARGIN,
                INGESTER_PING_INTERVAL,
                INGESTER_MAX_EVENT_BYTES,
                INGESTER_HANDOFF_CAPACITY);
    }
}
