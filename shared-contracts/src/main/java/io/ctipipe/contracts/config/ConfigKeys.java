package io.ctipipe.contracts.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings the three services share, with the original connector's variable names, and the
 * consumer group names that a service and the operations commands both read. Each service adds its
 * own tuning keys in its own module; {@link #all()} lists the settings the services share, for
 * documentation and for the docker-compose check.
 */
public final class ConfigKeys {
    public static final ConfigKey OPENCTI_URL =
            ConfigKey.required("opencti.url", "Base URL of the OpenCTI platform.");
    public static final ConfigKey OPENCTI_TOKEN =
            ConfigKey.secret("opencti.token", "API token of the OpenCTI user the connector uses.");

    public static final ConfigKey CONNECTOR_ID =
            ConfigKey.required(
                    "connector.id", "Unique id (UUID) of this connector in OpenCTI's list.");
    public static final ConfigKey CONNECTOR_NAME =
            ConfigKey.of(
                    "connector.name",
                    "SentinelOne Intel",
                    "Connector name; also the IOC source field.");
    public static final ConfigKey CONNECTOR_SCOPE =
            ConfigKey.of("connector.scope", "sentinelone", "Scope shown in OpenCTI.");
    public static final ConfigKey CONNECTOR_LOG_LEVEL =
            ConfigKey.of(
                    "connector.log_level",
                    "info",
                    "Log level: trace, debug, info, warn (warning), error.");
    public static final ConfigKey CONNECTOR_LIVE_STREAM_ID =
            ConfigKey.required(
                    "connector.live_stream_id", "Id of the OpenCTI live stream to read, or live.");
    public static final ConfigKey CONNECTOR_LIVE_STREAM_LISTEN_DELETE =
            ConfigKey.of(
                    "connector.live_stream_listen_delete",
                    "true",
                    "Ask the stream for delete events.");
    public static final ConfigKey CONNECTOR_LIVE_STREAM_NO_DEPENDENCIES =
            ConfigKey.of(
                    "connector.live_stream_no_dependencies",
                    "true",
                    "Ask the stream not to resolve relationship dependencies.");

    public static final ConfigKey SENTINELONE_URL =
            ConfigKey.required(
                    "sentinelone.url", "Management console URL, e.g. https://x.sentinelone.net.");
    public static final ConfigKey SENTINELONE_API_KEY =
            ConfigKey.secret(
                    "sentinelone.api_key", "API token; the 'APIToken ' prefix is optional.");
    public static final ConfigKey SENTINELONE_ACCOUNT_ID =
            ConfigKey.of("sentinelone.account_id", null, "Account id the IOCs belong to.");
    public static final ConfigKey SENTINELONE_MAX_API_ATTEMPTS =
            ConfigKey.of(
                    "sentinelone.max_api_attempts",
                    "5",
                    "Attempts per API call before the batch is dead-lettered.");

    public static final ConfigKey LOG_FORMAT =
            ConfigKey.of("log.format", "plain", "Log format: plain or json.");

    /** The mapper's Streams application id, which is also its consumer group. */
    public static final ConfigKey MAPPER_APPLICATION_ID =
            ConfigKey.of(
                    "mapper.application_id",
                    "ctipipe-mapper",
                    "Kafka Streams application.id: consumer group and transactional id prefix.");

    /** The sink's consumer group. */
    public static final ConfigKey SINK_GROUP_ID =
            ConfigKey.of("sink.group_id", "ctipipe-sink", "Kafka consumer group of the sink.");

    /** Where the credentials of each URL setting belong, for the problem that finds them. */
    private static final Map<ConfigKey, ConfigKey> CREDENTIALS_OF_URL =
            Map.of(OPENCTI_URL, OPENCTI_TOKEN, SENTINELONE_URL, SENTINELONE_API_KEY);

    private ConfigKeys() {}

    /** The setting that holds the credentials for a URL setting, if it is one of ours. */
    static Optional<ConfigKey> credentialsOf(ConfigKey url) {
        return Optional.ofNullable(CREDENTIALS_OF_URL.get(url));
    }

    public static List<ConfigKey> all() {
        return List.of(
                OPENCTI_URL,
                OPENCTI_TOKEN,
                CONNECTOR_ID,
                CONNECTOR_NAME,
                CONNECTOR_SCOPE,
                CONNECTOR_LOG_LEVEL,
                CONNECTOR_LIVE_STREAM_ID,
                CONNECTOR_LIVE_STREAM_LISTEN_DELETE,
                CONNECTOR_LIVE_STREAM_NO_DEPENDENCIES,
                SENTINELONE_URL,
                SENTINELONE_API_KEY,
                SENTINELONE_ACCOUNT_ID,
                SENTINELONE_MAX_API_ATTEMPTS,
                LOG_FORMAT);
    }
}
