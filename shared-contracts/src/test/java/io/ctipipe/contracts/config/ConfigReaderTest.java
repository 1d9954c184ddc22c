package io.ctipipe.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigReaderTest {

    /** Each seed variable, its config.yml path, and a value given once from each side. */
    static Stream<Arguments> seedVariables() {
        return Stream.of(
                Arguments.of("OPENCTI_URL", "opencti.url", "https://cti.example.com"),
                Arguments.of("OPENCTI_TOKEN", "opencti.token", "tok-123"),
                Arguments.of("CONNECTOR_ID", "connector.id", "c0ffee"),
                Arguments.of("CONNECTOR_NAME", "connector.name", "My S1"),
                Arguments.of("CONNECTOR_SCOPE", "connector.scope", "sentinelone"),
                Arguments.of("CONNECTOR_LOG_LEVEL", "connector.log_level", "debug"),
                Arguments.of("CONNECTOR_LIVE_STREAM_ID", "connector.live_stream_id", "abc"),
                Arguments.of(
                        "CONNECTOR_LIVE_STREAM_LISTEN_DELETE",
                        "connector.live_stream_listen_delete",
                        "no"),
                Arguments.of(
                        "CONNECTOR_LIVE_STREAM_NO_DEPENDENCIES",
                        "connector.live_stream_no_dependencies",
                        "0"),
                Arguments.of("SENTINELONE_URL", "sentinelone.url", "https://s1.example.net"),
                Arguments.of("SENTINELONE_API_KEY", "sentinelone.api_key", "key-9"),
                Arguments.of("SENTINELONE_ACCOUNT_ID", "sentinelone.account_id", "42"),
                Arguments.of("SENTINELONE_MAX_API_ATTEMPTS", "sentinelone.max_api_attempts", "7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedVariables")
    void readsEachSeedVariableFromEnvironmentAndFromYaml(String env, String path, String value) {
        ConfigKey key =
                ConfigKeys.all().stream().filter(k -> k.env().equals(env)).findFirst().get();

        ConfigReader fromEnv = new ConfigReader(ConfigSource.of(Map.of(), Map.of(env, value)));
        ConfigReader fromYaml = new ConfigReader(ConfigSource.of(Map.of(path, value), Map.of()));

        assertThat(key.path()).isEqualTo(path);
        assertThat(fromEnv.optionalString(key)).contains(value);
        assertThat(fromYaml.optionalString(key)).contains(value);
    }

    @Test
    void environmentOverridesYaml() {
        ConfigSource source =
                ConfigSource.of(
                        Map.of("connector.name", "from-yaml"),
                        Map.of("CONNECTOR_NAME", "from-env"));

        String name = new ConfigReader(source).string(ConfigKeys.CONNECTOR_NAME);

        assertThat(name).isEqualTo("from-env");
    }

    @Test
    void honoursMaxApiAttemptsGivenAsAStringInTheEnvironment() {
        ConfigSource source =
                ConfigSource.of(Map.of(), Map.of("SENTINELONE_MAX_API_ATTEMPTS", "5"));

        int attempts =
                new ConfigReader(source).positiveInt(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS);

        assertThat(attempts).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotedTypedValues")
    void readsTypedValuesInOnePairOfQuotesAsAnEnvFileGivesThem(
            String text, Function<ConfigReader, Object> read, Object expected) {
        ConfigReader reader = reader("SENTINELONE_MAX_API_ATTEMPTS", text);

        Object value = read.apply(reader);

        assertThat(value).isEqualTo(expected);
        assertThat(reader.isValid()).isTrue();
    }

    static Stream<Arguments> quotedTypedValues() {
        Function<ConfigReader, Object> integer =
                r -> r.positiveInt(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS);
        Function<ConfigReader, Object> bool = r -> r.bool(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS);
        Function<ConfigReader, Object> duration =
                r -> r.duration(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS);
        Function<ConfigReader, Object> url = r -> r.url(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS);
        return Stream.of(
                Arguments.of("\"5\"", integer, 5),
                Arguments.of("'5'", integer, 5),
                Arguments.of("  \" 5 \"  ", integer, 5),
                Arguments.of("\"true\"", bool, true),
                Arguments.of("\"30s\"", duration, Duration.ofSeconds(30)),
                Arguments.of("'https://h.example/'", url, URI.create("https://h.example")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"5", "5'", "\"5'", "\"\"5\"\""})
    void refusesAQuoteWithoutItsPartnerAndQuotesTheValueAsGiven(String text) {
        ConfigReader reader = reader("SENTINELONE_MAX_API_ATTEMPTS", text);

        reader.positiveInt(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS);

        assertThatThrownBy(reader::throwIfInvalid)
                .hasMessageContaining("SENTINELONE_MAX_API_ATTEMPTS")
                .hasMessageContaining("expected a whole number of 1 or more, got '" + text + "'");
    }

    @Test
    void reportsAQuotedPlaceholderAsThePlaceholder() {
        ConfigReader reader = reader("CONNECTOR_ID", "\"ChangeMe\"");

        reader.uuid(ConfigKeys.CONNECTOR_ID);

        assertThatThrownBy(reader::throwIfInvalid)
                .hasMessageContaining("CONNECTOR_ID")
                .hasMessageContaining("still the sample placeholder");
    }

    @Test
    void keepsTheQuotesOfFreeStringsAndSecrets() {
        ConfigSource source =
                ConfigSource.of(
                        Map.of(), Map.of("CONNECTOR_NAME", "\"My S1\"", "OPENCTI_TOKEN", "'tok'"));
        ConfigReader reader = new ConfigReader(source);

        String name = reader.string(ConfigKeys.CONNECTOR_NAME);
        Secret token = reader.secret(ConfigKeys.OPENCTI_TOKEN);

        assertThat(name).isEqualTo("\"My S1\"");
        assertThat(token.reveal()).isEqualTo("'tok'");
    }

    @ParameterizedTest
    @MethodSource("booleans")
    void acceptsTheUsualBooleanSpellings(String text, boolean expected) {
        ConfigSource source =
                ConfigSource.of(Map.of(), Map.of("CONNECTOR_LIVE_STREAM_LISTEN_DELETE", text));

        boolean value =
                new ConfigReader(source).bool(ConfigKeys.CONNECTOR_LIVE_STREAM_LISTEN_DELETE);

        assertThat(value).isEqualTo(expected);
    }

    static Stream<Arguments> booleans() {
        return Stream.of(
                Arguments.of("true", true),
                Arguments.of("TRUE", true),
                Arguments.of("yes", true),
                Arguments.of("1", true),
                Arguments.of("false", false),
                Arguments.of("No", false),
                Arguments.of("0", false));
    }

    @Test
    void stripsTrailingSlashesFromUrls() {
        ConfigSource source =
                ConfigSource.of(Map.of(), Map.of("SENTINELONE_URL", "https://s1.example.net//"));

        String url = new ConfigReader(source).url(ConfigKeys.SENTINELONE_URL).toString();

        assertThat(url).isEqualTo("https://s1.example.net");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://user:SECRET@host:8080",
                "https://SECRET@host",
                "\"http://user:SECRET@host:8080\"",
                "http://user:p@SECRET@host",
                "http://user:pa/SECRET@host",
                "http://user:pa SECRET@host"
            })
    void refusesAUrlWithCredentialsNamingTheVariableWithoutQuotingIt(String url) {
        ConfigReader reader = reader("OPENCTI_URL", url);

        reader.url(ConfigKeys.OPENCTI_URL);

        assertThatThrownBy(reader::throwIfInvalid)
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e ->
                                assertThat(e.problems())
                                        .singleElement()
                                        .isEqualTo(
                                                "OPENCTI_URL (config.yml opencti.url): holds a"
                                                        + " user name or password; put"
                                                        + " credentials in OPENCTI_TOKEN, not in"
                                                        + " the URL"))
                .hasMessageNotContaining("SECRET")
                .hasMessageNotContaining("host");
    }

    @Test
    void pointsSentinelOneUrlCredentialsToTheApiKey() {
        ConfigReader reader = reader("SENTINELONE_URL", "https://me:SECRET@x.sentinelone.net");

        reader.url(ConfigKeys.SENTINELONE_URL);

        assertThatThrownBy(reader::throwIfInvalid)
                .hasMessageContaining("SENTINELONE_URL (config.yml sentinelone.url): holds a")
                .hasMessageContaining("put credentials in SENTINELONE_API_KEY, not in the URL")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void remembersWhichKeysItReportedButNotTheCallersOwnProblems() {
        ConfigReader reader = reader("SENTINELONE_MAX_API_ATTEMPTS", "five");

        reader.positiveInt(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS);
        reader.optionalString(ConfigKeys.SENTINELONE_ACCOUNT_ID);
        reader.problem(ConfigKeys.SENTINELONE_ACCOUNT_ID.displayName() + ": a rule broke");

        assertThat(reader.hasProblem(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS)).isTrue();
        assertThat(reader.hasProblem(ConfigKeys.SENTINELONE_ACCOUNT_ID)).isFalse();
    }

    @Test
    void reportsEveryBadVariableInOneMessageWithoutSecrets() {
        ConfigSource source =
                ConfigSource.of(
                        Map.of(),
                        Map.of(
                                "OPENCTI_URL", "ftp:/nowhere",
                                "SENTINELONE_MAX_API_ATTEMPTS", "five",
                                "CONNECTOR_LIVE_STREAM_LISTEN_DELETE", "maybe"));
        ConfigReader reader = new ConfigReader(source);

        reader.url(ConfigKeys.OPENCTI_URL);
        reader.positiveInt(ConfigKeys.SENTINELONE_MAX_API_ATTEMPTS);
        reader.bool(ConfigKeys.CONNECTOR_LIVE_STREAM_LISTEN_DELETE);
        reader.secret(ConfigKeys.OPENCTI_TOKEN);

        assertThatThrownBy(reader::throwIfInvalid)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("OPENCTI_URL (config.yml opencti.url): expected an http")
                .hasMessageContaining("'ftp:/nowhere'")
                .hasMessageContaining("SENTINELONE_MAX_API_ATTEMPTS")
                .hasMessageContaining("'five'")
                .hasMessageContaining("CONNECTOR_LIVE_STREAM_LISTEN_DELETE")
                .hasMessageContaining("OPENCTI_TOKEN (config.yml opencti.token): missing");
    }

    @Test
    void neverPrintsABadSecretValue() {
        ConfigKey pin = new ConfigKey("vault.pin", null, true, "a numeric secret");
        ConfigSource source = ConfigSource.of(Map.of(), Map.of("VAULT_PIN", "s3cr3t-value"));
        ConfigReader reader = new ConfigReader(source);

        reader.positiveInt(pin);

        assertThatThrownBy(reader::throwIfInvalid)
                .hasMessageContaining("VAULT_PIN")
                .hasMessageContaining("[hidden]")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void secretsPrintHidden() {
        Secret secret = Secret.of("super-secret");

        assertThat(secret.toString()).isEqualTo("[hidden]");
        assertThat(String.valueOf(new Holder(secret))).doesNotContain("super-secret");
    }

    private record Holder(Secret secret) {}

    @ParameterizedTest
    @MethodSource("durations")
    void parsesDurationsInSeveralForms(String text, Duration expected) {
        ConfigKey key = ConfigKey.of("sink.linger", null, "");
        ConfigSource source = ConfigSource.of(Map.of("sink.linger", text), Map.of());

        Duration value = new ConfigReader(source).duration(key);

        assertThat(value).isEqualTo(expected);
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("250ms", Duration.ofMillis(250)),
                Arguments.of("30s", Duration.ofSeconds(30)),
                Arguments.of("5m", Duration.ofMinutes(5)),
                Arguments.of("PT1H", Duration.ofHours(1)),
                Arguments.of("1500", Duration.ofMillis(1500)));
    }

    @Test
    void passesKafkaVariablesThroughAsClientProperties() {
        ConfigSource source =
                ConfigSource.of(
                        Map.of("kafka.security.protocol", "SSL", "kafka.client.id", "x"),
                        Map.of(
                                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                                "KAFKA_SASL_JAAS_CONFIG", "org.Foo required;",
                                "KAFKA_HEAP_OPTS", "-Xmx1g"));

        Map<String, String> properties = source.kafkaProperties();

        assertThat(properties)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "org.Foo required;")
                .containsEntry("client.id", "x")
                .doesNotContainKey("heap.opts");
    }

    @Test
    void flattensNestedYaml() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("config", ".yml");
        java.nio.file.Files.writeString(
                file,
                "opencti:\n  url: http://x\nkafka:\n  security:\n    protocol: SSL\n"
                        + "mapper:\n  exclude_labels: [a, b]\n");

        Map<String, String> flat = ConfigSource.readYaml(file);

        assertThat(flat)
                .containsEntry("opencti.url", "http://x")
                .containsEntry("kafka.security.protocol", "SSL")
                .containsEntry("mapper.exclude_labels", "a,b");
    }

    @Test
    void invalidYamlIsReportedByPositionWithoutQuotingTheFile() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("config", ".yml");
        java.nio.file.Files.writeString(
                file, "sentinelone:\n  api_key: \"TopSecretValue\n  url: x\n");

        assertThatThrownBy(() -> ConfigSource.readYaml(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not valid YAML at line")
                .hasMessageNotContaining("TopSecretValue")
                .hasNoCause();
    }

    @Test
    void sampleConnectorIdIsReportedAsThePlaceholderAndOtherNonUuidsAsNotAUuid() {
        ConfigReader placeholder = reader("CONNECTOR_ID", "ChangeMe-uuid");
        ConfigReader notUuid = reader("CONNECTOR_ID", "c0ffee");
        ConfigReader uuid = reader("CONNECTOR_ID", "5f0a3a0e-2a59-4d0e-9d6c-7e0c8c7c1a11");

        placeholder.uuid(ConfigKeys.CONNECTOR_ID);
        notUuid.uuid(ConfigKeys.CONNECTOR_ID);
        String read = uuid.uuid(ConfigKeys.CONNECTOR_ID);

        assertThatThrownBy(placeholder::throwIfInvalid)
                .hasMessageContaining("CONNECTOR_ID")
                .hasMessageContaining("still the sample placeholder");
        assertThatThrownBy(notUuid::throwIfInvalid)
                .hasMessageContaining("CONNECTOR_ID")
                .hasMessageContaining("expected a UUID such as")
                .hasMessageContaining("'c0ffee'");
        assertThat(uuid.isValid()).isTrue();
        assertThat(read).isEqualTo("5f0a3a0e-2a59-4d0e-9d6c-7e0c8c7c1a11");
    }

    @Test
    void samplePlaceholdersAreReportedForSecretsAndOptionalValuesWithoutShowingThem() {
        ConfigReader token = reader("OPENCTI_TOKEN", "ChangeMe");
        ConfigReader account = reader("SENTINELONE_ACCOUNT_ID", "ChangeMe");

        token.secret(ConfigKeys.OPENCTI_TOKEN);
        Optional<String> accountId = account.optionalString(ConfigKeys.SENTINELONE_ACCOUNT_ID);

        assertThatThrownBy(token::throwIfInvalid)
                .hasMessageContaining("OPENCTI_TOKEN")
                .hasMessageContaining("still the sample placeholder")
                .hasMessageNotContaining("'ChangeMe'");
        assertThat(accountId).isEmpty();
        assertThat(account.hasProblem(ConfigKeys.SENTINELONE_ACCOUNT_ID)).isTrue();
        assertThatThrownBy(account::throwIfInvalid)
                .hasMessageContaining("SENTINELONE_ACCOUNT_ID")
                .hasMessageContaining("still the sample placeholder");
    }

    private static ConfigReader reader(String variable, String value) {
        return new ConfigReader(ConfigSource.of(Map.of(), Map.of(variable, value)));
    }
}
