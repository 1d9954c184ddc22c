package io.ctipipe.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ctipipe.contracts.config.ConfigException;
import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngesterConfigTest {
    private final Map<String, String> env =
            new HashMap<>(
                    Map.of(
                            "OPENCTI_URL", "http://localhost:8080/",
                            "OPENCTI_TOKEN", "token",
                            "CONNECTOR_ID", "7e1f0c3a-2b4d-4e5f-8a6b-9c0d1e2f3a4b",
                            "CONNECTOR_LIVE_STREAM_ID", "live"));

    private IngesterConfig load() {
        return IngesterConfig.from(ConfigSource.of(Map.of(), env));
    }

    @Test
    void appliesTheDocumentedDefaults() {
        IngesterConfig config = load();

        assertThat(config.openctiUrl().toString()).isEqualTo("http://localhost:8080");
        assertThat(config.transactionalId())
                .isEqualTo("ctipipe-ingester-7e1f0c3a-2b4d-4e5f-8a6b-9c0d1e2f3a4b");
        assertThat(config.startFrom()).isEqualTo("0-0");
        assertThat(config.recoverUntil()).isNull();
        assertThat(config.listenDelete()).isTrue();
        assertThat(config.noDependencies()).isTrue();
        assertThat(config.withInferences()).isFalse();
        assertThat(config.transactionMaxEvents()).isEqualTo(500);
        assertThat(config.transactionLinger()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.connectorScope()).containsExactly("sentinelone");
        assertThat(config.kafka().topics().events()).isEqualTo("opencti.stream.events");
        assertThat(config.toString()).doesNotContain("token,").contains("[hidden]");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        env.remove("OPENCTI_TOKEN");
        env.put("CONNECTOR_LIVE_STREAM_START_FROM", "1718003600123");
        env.put("CONNECTOR_LIVE_STREAM_RECOVER_UNTIL", "later");
        env.put("INGESTER_IDLE_TIMEOUT", "0s");
        env.put("INGESTER_TRANSACTION_MAX_EVENTS", "none");

        ConfigException error = catchThrowableOfType(ConfigException.class, this::load);

        assertThat(error.problems())
                .extracting(problem -> problem.substring(0, problem.indexOf(' ')))
                .containsExactlyInAnyOrder(
                        "OPENCTI_TOKEN",
                        "CONNECTOR_LIVE_STREAM_START_FROM",
                        "CONNECTOR_LIVE_STREAM_RECOVER_UNTIL",
                        "INGESTER_IDLE_TIMEOUT",
                        "INGESTER_TRANSACTION_MAX_EVENTS");
    }

    @Test
    void refusesCredentialsInTheUrlWithoutQuotingThem() {
        env.put("OPENCTI_URL", "http://user:SECRET@host:8080");

        ConfigException error = catchThrowableOfType(ConfigException.class, this::load);

        assertThat(error.problems())
                .singleElement()
                .asString()
                .startsWith("OPENCTI_URL")
                .contains("put credentials in OPENCTI_TOKEN, not in the URL")
                .doesNotContain("SECRET");
    }

    @Test
    void reportsAnUnreadableDurationOnce() {
        env.put("INGESTER_PING_INTERVAL", "soon");

        ConfigException error = catchThrowableOfType(ConfigException.class, this::load);

        assertThat(error.problems()).singleElement().asString().contains("got 'soon'");
    }

    @Test
    void listsEveryKeyItReads() {
        assertThat(IngesterConfig.keys())
                .extracting(ConfigKey::env)
                .contains(
                        "OPENCTI_URL",
                        "CONNECTOR_LIVE_STREAM_WITH_INFERENCES",
                        "CONNECTOR_LIVE_STREAM_START_FROM",
                        "CONNECTOR_LIVE_STREAM_RECOVER_UNTIL",
                        "INGESTER_TRANSACTION_MAX_EVENTS",
                        "INGESTER_IDLE_TIMEOUT",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "TOPICS_INGESTER_STATE")
                .doesNotHaveDuplicates();
    }
}
