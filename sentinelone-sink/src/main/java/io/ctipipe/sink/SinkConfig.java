package io.ctipipe.sink;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.config.Secret;
import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.kafka.Topics;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything the sink reads, validated in one pass. Build with {@link #load(ConfigReader)}; {@link
 * #keys()} lists every key for the docs and the docker-compose check.
 *
 * @param url the console URL, without a trailing slash
 * @param apiKey the API token without its {@code APIToken } prefix
 * @param accountId SentinelOne account scope, or null
 * @param siteId SentinelOne site scope, or null
 * @param groupId SentinelOne group scope, or null (at least one of the three is set)
 * @param maxApiAttempts attempts per API call before a batch is dead-lettered
 * @param batchSize most IOCs per POST, and most uuids per DELETE
 * @param timeout the whole-call timeout of one HTTP request
 * @param source the IOC source name (CONNECTOR_NAME), used to find our own IOCs again
 * @param consumerGroup the Kafka consumer group of the sink
 * @param transactionalId the Kafka transactional id; stable per instance so that a restart fences
 *     and aborts what a killed instance left open
 * @param resend upload every IOC again, even when unchanged or older than what was applied
 * @param linger how long to wait for more records before sending a small batch
 * @param maxInFlight most HTTP requests at once
 * @param retryBackoff the first retry delay (doubled per attempt, with jitter)
 * @param retryMaxBackoff the longest retry delay
 * @param retryAfterMax the longest Retry-After honoured
 * @param authRetryInterval how often to try again while SentinelOne refuses the credentials
 * @param stateDir where the local copy of the sink-state topic lives (a directory per instance
 *     inside, deleted on close)
 * @param kafka client properties and topic names
 */
public record SinkConfig(
        URI url,
        Secret apiKey,
        String accountId,
        String siteId,
        String groupId,
        int maxApiAttempts,
        int batchSize,
        Duration timeout,
        String source,
        String consumerGroup,
        String transactionalId,
        boolean resend,
        Duration linger,
        int maxInFlight,
        Duration retryBackoff,
        Duration retryMaxBackoff,
        Duration retryAfterMax,
        Duration authRetryInterval,
        Path stateDir,
        KafkaSettings kafka) {

    public static final ConfigKey SENTINELONE_SITE_ID =
            ConfigKey.of("sentinelone.site_id", null, "Site id the IOCs belong to.");
    public static final ConfigKey SENTINELONE_GROUP_ID =
            ConfigKey.of("sentinelone.group_id", null, "Group id the IOCs belong to.");
    public static final ConfigKey SENTINELONE_BATCH_SIZE =
            ConfigKey.of(
                    "sentinelone.batch_size", "1000", "Most IOCs per POST (and uuids per DELETE).");
    public static final ConfigKey SENTINELONE_TIMEOUT =
            ConfigKey.of("sentinelone.timeout", "30s", "Timeout of one whole HTTP call.");
    public static final ConfigKey SINK_TRANSACTIONAL_ID =
            ConfigKey.of(
                    "sink.transactional_id",
                    null,
                    "Kafka transactional id, stable per instance (default: group id + host name).");
    public static final ConfigKey SINK_RESEND =
            ConfigKey.of("sink.resend", "false", "Upload every IOC again, even unchanged ones.");
    public static final ConfigKey SINK_LINGER =
            ConfigKey.of("sink.linger", "200ms", "Wait for more records before a small batch.");
    public static final ConfigKey SINK_MAX_IN_FLIGHT =
            ConfigKey.of("sink.max_in_flight", "4", "Most SentinelOne requests at once.");
    public static final ConfigKey SINK_RETRY_BACKOFF =
            ConfigKey.of("sink.retry_backoff", "1s", "First retry delay, doubled per attempt.");
    public static final ConfigKey SINK_RETRY_MAX_BACKOFF =
            ConfigKey.of("sink.retry_max_backoff", "30s", "Longest retry delay.");
    public static final ConfigKey SINK_RETRY_AFTER_MAX =
            ConfigKey.of("sink.retry_after_max", "5m", "Longest Retry-After honoured.");
    public static final ConfigKey SINK_AUTH_RETRY_INTERVAL =
            ConfigKey.of(
                    "sink.auth_retry_interval",
                    "30s",
                    "Retry interval while SentinelOne refuses the credentials or the TLS handshake"
                            + " fails.");

    public static final ConfigKey SINK_STATE_DIR =
            ConfigKey.of(
                    "sink.state_dir",
                    null,
                    "Local disk for the sink's copy of its state topic; default java.io.tmpdir.");

    private static final String TOKEN_PREFIX = "apitoken ";

    /** Reads and validates every key; throws ConfigException listing every problem. */
    public static SinkConfig load(ConfigReader reader) {
        SinkConfig config =
                new SinkConfig(
                        reader.url(ConfigKeys.SENTINELONE_URL),
                        withoutPrefix(reader.secret(ConfigKeys.SENTINELONE_API_KEY)),
                        reader.optionalString(ConfigKeys.SENTINELONE_ACCOUNT_ID).orElse(null),
                        reader.optionalString(SENTINELONE_SITE_ID).orElse(null),
                        reader.optionalString(SENTINELONE_GROUP_ID).orElse(null),
                        reader.positiveInt(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS),
                        reader.positiveInt(SENTINELONE_BATCH_SIZE),
                        positive(reader, SENTINELONE_TIMEOUT),
                        reader.string(ConfigKeys.CONNECTOR_NAME),
                        reader.string(ConfigKeys.SINK_GROUP_ID),
                        transactionalId(reader),
                        reader.bool(SINK_RESEND),
                        reader.duration(SINK_LINGER),
                        reader.positiveInt(SINK_MAX_IN_FLIGHT),
                        positive(reader, SINK_RETRY_BACKOFF),
                        positive(reader, SINK_RETRY_MAX_BACKOFF),
                        reader.duration(SINK_RETRY_AFTER_MAX),
                        positive(reader, SINK_AUTH_RETRY_INTERVAL),
                        stateDir(reader),
                        KafkaSettings.read(reader));
        config.checkScope(reader);
        reader.throwIfInvalid();
        return config;
    }

    public static SinkConfig from(ConfigSource source) {
        return load(new ConfigReader(source));
    }

    /** Every key the sink reads. */
    public static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>();
        keys.addAll(
                List.of(
                        ConfigKeys.SENTINELONE_URL,
                        ConfigKeys.SENTINELONE_API_KEY,
                        ConfigKeys.SENTINELONE_ACCOUNT_ID,
                        SENTINELONE_SITE_ID,
                        SENTINELONE_GROUP_ID,
                        ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS,
                        SENTINELONE_BATCH_SIZE,
                        SENTINELONE_TIMEOUT,
                        ConfigKeys.CONNECTOR_NAME,
                        ConfigKeys.SINK_GROUP_ID,
                        SINK_TRANSACTIONAL_ID,
                        SINK_RESEND,
                        SINK_LINGER,
                        SINK_MAX_IN_FLIGHT,
                        SINK_RETRY_BACKOFF,
                        SINK_RETRY_MAX_BACKOFF,
                        SINK_RETRY_AFTER_MAX,
                        SINK_AUTH_RETRY_INTERVAL,
                        SINK_STATE_DIR,
                        KafkaSettings.BOOTSTRAP_SERVERS));
        keys.addAll(Topics.keys());
        return keys;
    }

    public Topics topics() {
        return kafka.topics();
    }

    /**
     * At least one scope is needed. A scope variable already reported (still the sample
     * placeholder) reads as absent here, and is not reported a second time as missing.
     */
    private void checkScope(ConfigReader reader) {
        boolean reported =
                reader.hasProblem(ConfigKeys.SENTINELONE_ACCOUNT_ID)
                        || reader.hasProblem(SENTINELONE_SITE_ID)
                        || reader.hasProblem(SENTINELONE_GROUP_ID);
        if (accountId == null && siteId == null && groupId == null && !reported) {
            reader.problem(
                    ConfigKeys.SENTINELONE_ACCOUNT_ID.displayName()
                            + ": missing, expected an account id (or set "
                            + SENTINELONE_SITE_ID.env()
                            + " or "
                            + SENTINELONE_GROUP_ID.env()
                            + ")");
        }
    }

    static Secret withoutPrefix(Secret key) {
        String value = key.reveal().trim();
        if (value.toLowerCase(Locale.ROOT).startsWith(TOKEN_PREFIX)) {
            return Secret.of(value.substring(TOKEN_PREFIX.length()).trim());
        }
        return Secret.of(value);
    }

    private static Duration positive(ConfigReader reader, ConfigKey key) {
        Duration duration = reader.duration(key);
        // An unreadable duration reads as zero and is reported already: not a second time.
        if (duration.isZero() && !reader.hasProblem(key)) {
            reader.problem(key.displayName() + ": expected a duration above zero");
        }
        return duration;
    }

    private static Path stateDir(ConfigReader reader) {
        return Path.of(
                reader.optionalString(SINK_STATE_DIR)
                        .orElseGet(() -> System.getProperty("java.io.tmpdir")),
                "ctipipe-sink-state");
    }

    private static String transactionalId(ConfigReader reader) {
        return reader.optionalString(SINK_TRANSACTIONAL_ID)
                .orElseGet(() -> reader.string(ConfigKeys.SINK_GROUP_ID) + "-" + hostName());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
