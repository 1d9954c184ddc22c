package io.ctipipe.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ctipipe.contracts.config.ConfigException;
import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {
    private final Map<String, String> env = new HashMap<>();

    SinkConfigTest() {
        env.put("SENTINELONE_URL", "https://console.example.net/");
        env.put("SENTINELONE_API_KEY", "APIToken abc123");
        env.put("SENTINELONE_ACCOUNT_ID", "1000000000000000001");
    }

    private SinkConfig load() {
        return SinkConfig.from(ConfigSource.of(Map.of(), env));
    }

    @Test
    void appliesTheDefaults() {
        SinkConfig config = load();

        assertThat(config.url().toString()).isEqualTo("https://console.example.net");
        assertThat(config.maxApiAttempts()).isEqualTo(5);
        assertThat(config.batchSize()).isEqualTo(1000);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.consumerGroup()).isEqualTo("ctipipe-sink");
        assertThat(config.transactionalId()).startsWith("ctipipe-sink-");
        assertThat(config.source()).isEqualTo("SentinelOne Intel");
        assertThat(config.resend()).isFalse();
        assertThat(config.topics().sinkState()).isEqualTo("sentinelone.iocs.uploaded");
    }

    @Test
    void stripsTheTokenPrefixAndHidesTheKey() {
        SinkConfig config = load();

        assertThat(config.apiKey().reveal()).isEqualTo("abc123");
        assertThat(config.toString()).doesNotContain("abc123");
    }

    @Test
    void readsNumbersGivenAsStrings() {
        env.put("SENTINELONE_MAX_API_ATTEMPTS", "3");
        env.put("SINK_MAX_IN_FLIGHT", "8");

        SinkConfig config = load();

        assertThat(config.maxApiAttempts()).isEqualTo(3);
        assertThat(config.maxInFlight()).isEqualTo(8);
    }

    @Test
    void readsNumbersInQuotesAsAnEnvFileGivesThem() {
        env.put("SENTINELONE_MAX_API_ATTEMPTS", "\"3\"");
        env.put("SENTINELONE_TIMEOUT", "'10s'");

        SinkConfig config = load();

        assertThat(config.maxApiAttempts()).isEqualTo(3);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void reportsTheSampleAccountPlaceholderOnceAndNotAlsoAsAMissingScope() {
        env.put("SENTINELONE_ACCOUNT_ID", "ChangeMe");

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .singleElement()
                                        .isEqualTo(
                                                "SENTINELONE_ACCOUNT_ID (config.yml"
                                                        + " sentinelone.account_id): still the"
                                                        + " sample placeholder (ChangeMe...),"
                                                        + " expected a value or nothing"));
    }

    @Test
    void reportsAMissingScopeWhenNoScopeIsGiven() {
        env.remove("SENTINELONE_ACCOUNT_ID");

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .singleElement()
                                        .asString()
                                        .startsWith("SENTINELONE_ACCOUNT_ID")
                                        .contains("missing, expected an account id"));
    }

    @Test
    void refusesCredentialsInTheUrlWithoutQuotingThem() {
        env.put("SENTINELONE_URL", "https://me:SECRET@console.example.net");

        assertThatThrownBy(this::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SENTINELONE_URL")
                .hasMessageContaining("put credentials in SENTINELONE_API_KEY")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        env.remove("SENTINELONE_ACCOUNT_ID");
        env.put("SENTINELONE_BATCH_SIZE", "zero");
        env.put("SENTINELONE_URL", "console.example.net");

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .hasSize(3)
                                        .anyMatch(p -> p.startsWith("SENTINELONE_ACCOUNT_ID"))
                                        .anyMatch(p -> p.startsWith("SENTINELONE_BATCH_SIZE"))
                                        .anyMatch(p -> p.startsWith("SENTINELONE_URL")));
    }

    @Test
    void reportsAnUnreadableDurationOnceAndAZeroOneAsZero() {
        env.put("SENTINELONE_TIMEOUT", "soon");
        env.put("SINK_RETRY_BACKOFF", "0s");

        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .hasSize(2)
                                        .anyMatch(p -> p.contains("got 'soon'"))
                                        .anyMatch(
                                                p ->
                                                        p.startsWith("SINK_RETRY_BACKOFF")
                                                                && p.endsWith("above zero")));
    }

    @Test
    void acceptsASiteScopeInsteadOfAnAccount() {
        env.remove("SENTINELONE_ACCOUNT_ID");
        env.put("SENTINELONE_SITE_ID", "2000");

        assertThat(load().siteId()).isEqualTo("2000");
    }

    @Test
    void listsEveryKeyItReads() {
        assertThat(SinkConfig.keys())
                .extracting(ConfigKey::env)
                .contains(
                        "SENTINELONE_URL",
                        "SENTINELONE_API_KEY",
                        "SENTINELONE_ACCOUNT_ID",
                        "SENTINELONE_SITE_ID",
                        "SENTINELONE_GROUP_ID",
                        "SENTINELONE_MAX_API_ATTEMPTS",
                        "SENTINELONE_BATCH_SIZE",
                        "SENTINELONE_TIMEOUT",
                        "CONNECTOR_NAME",
                        "SINK_GROUP_ID",
                        "SINK_RESEND",
                        "SINK_LINGER",
                        "SINK_MAX_IN_FLIGHT",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "TOPICS_SINK_STATE");
    }
}
