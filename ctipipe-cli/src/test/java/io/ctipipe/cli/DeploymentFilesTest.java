package io.ctipipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docker-compose.yml, the config samples and the README agree with the code: every variable they
 * set is one the tool reads, topics and ports are the ones the code uses, and the README documents
 * every setting.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CREATED_TOPIC =
            Pattern.compile("--topic (\\S+)((?: --config \\S+)*)");
    private static final Pattern SAMPLE_KEY = Pattern.compile("( *)#?([a-zA-Z][\\w.]*)[:=].*");

    private final JsonNode compose = readYaml(ROOT.resolve("docker-compose.yml"));

    @ParameterizedTest
    @CsvSource({
        "stream-ingester, ingester, INGESTER_METRICS_PORT",
        "ioc-mapper-streams, mapper, MAPPER_METRICS_PORT",
        "sentinelone-sink, sink, SINK_METRICS_PORT"
    })
    void composeServicesUseKnownVariablesAndTheCodesPorts(
            String service, String command, String portVariable) {
        JsonNode definition = compose.path("services").path(service);
        Set<String> variables = new TreeSet<>();
        definition.path("environment").fieldNames().forEachRemaining(variables::add);
        String port = definition.path("environment").path(portVariable).asText();
        ConfigKey portKey = ConfigReference.byEnvironmentName().get(portVariable);

        assertThat(variables).allMatch(ConfigReference::isKnown, "a variable ctipipe reads");
        assertThat(definition.path("command").get(0).asText()).isEqualTo(command);
        assertThat(Ctipipe.commandLine().getSubcommands()).containsKey(command);
        assertThat(port).isEqualTo(portKey.defaultValue());
        assertThat(definition.path("ports").get(0).asText()).isEqualTo(port + ":" + port);
        assertThat(definition.path("healthcheck").path("test").toString()).contains(port);
        assertThat(
                        definition.path("restart").isMissingNode()
                                || !definition.path("restart").asText().equals("no"))
                .isTrue();
    }

    @Test
    void composeCreatesExactlyTheContractTopicsWithTheirSettings() {
        String script =
                compose.path("services").path("kafka-topics").path("command").get(0).asText();
        Map<String, String> created = new java.util.TreeMap<>();
        Matcher matcher = CREATED_TOPIC.matcher(script);
        while (matcher.find()) {
            created.put(matcher.group(1), matcher.group(2));
        }
        Topics topics = Topics.defaults();

        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(topics.all());
        topics.compacted()
                .forEach(t -> assertThat(created.get(t)).contains("cleanup.policy=compact"));
        assertThat(created.get(topics.iocsDlq())).contains("retention.ms=");
        assertThat(created.get(topics.eventsDlq())).contains("retention.ms=");
        assertThat(created.get(topics.events())).contains("max.message.bytes=67108864");
    }

    @Test
    void composeKeepsKafkaDataOnItsVolumeAndTheSinkIdentityStable() {
        JsonNode kafka = compose.path("services").path("kafka");
        JsonNode sink = compose.path("services").path("sentinelone-sink");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        boolean fixedId = sink.path("environment").has("SINK_TRANSACTIONAL_ID");

        assertThat(logDirs).isNotEmpty();
        assertThat(kafka.path("volumes").get(0).asText()).endsWith(":" + logDirs);
        assertThat(fixedId || !sink.path("hostname").asText().isEmpty())
                .as("sink has a fixed hostname or SINK_TRANSACTIONAL_ID")
                .isTrue();
    }

    @Test
    void bothSamplesListEveryKeyOnceWithTheSameDescription() throws Exception {
        Map<String, String> env = describedKeys(ROOT.resolve("config/.env.sample"), "=");
        Map<String, String> yaml = describedKeys(ROOT.resolve("config/config.yml.sample"), ":");

        for (ConfigKey key : ConfigReference.byEnvironmentName().values()) {
            assertThat(env).as("config/.env.sample").containsKey(key.env());
            assertThat(yaml).as("config/config.yml.sample").containsKey(key.path());
            assertThat(yaml.get(key.path()))
                    .as("description of %s in both samples", key.env())
                    .isEqualTo(env.get(key.env()));
        }
    }

    @Test
    void envSampleSetsOnlyKnownVariablesAndListsEveryOne() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("config/.env.sample"));
        Set<String> named = new TreeSet<>();
        for (String line : lines) {
            String bare = line.startsWith("#") ? line.substring(1) : line;
            if (bare.matches("[A-Z][A-Z0-9_]*=.*")) {
                named.add(bare.substring(0, bare.indexOf('=')));
            }
        }

        assertThat(named).allMatch(ConfigReference::isKnown, "a variable ctipipe reads");
        assertThat(named).containsAll(ConfigReference.byEnvironmentName().keySet());
    }

    @Test
    void configSampleParsesAndUsesOnlyKnownKeys() {
        Map<String, String> flat = ConfigSource.readYaml(ROOT.resolve("config/config.yml.sample"));
        UnknownKeyReporter reporter =
                new UnknownKeyReporter(ConfigReference.byEnvironmentName().values(), null);

        assertThat(reporter.unknown(flat.keySet())).isEmpty();
        assertThat(flat).containsKeys("opencti.url", "sentinelone.api_key");
    }

    @Test
    void readmeDocumentsEverySetting() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(ConfigReference.byEnvironmentName().keySet())
                .allMatch(name -> readme.contains("`" + name + "`"), "documented in README.md");
    }

    /**
     * Each key of a sample (commented or not, YAML paths joined with dots) with the comment line
     * right above it; fails on a key listed twice or a description line repeated.
     */
    private static Map<String, String> describedKeys(Path file, String separator) throws Exception {
        Map<String, String> keys = new java.util.HashMap<>();
        Set<String> descriptions = new java.util.HashSet<>();
        String section = "";
        String previous = "";
        for (String line : Files.readAllLines(file)) {
            Matcher key = SAMPLE_KEY.matcher(line);
            if (key.matches() && line.contains(separator)) {
                boolean nested = !key.group(1).isEmpty();
                if (!nested && separator.equals(":")) {
                    section = key.group(2);
                }
                String name = nested ? section + "." + key.group(2) : key.group(2);
                assertThat(keys.put(name, previous))
                        .as("%s listed twice in %s", name, file)
                        .isNull();
            } else if (line.trim().startsWith("# ") && !line.contains("---")) {
                assertThat(descriptions.add(line.trim()))
                        .as("line repeated in %s: %s", file, line)
                        .isTrue();
            }
            previous = line.trim();
        }
        return keys;
    }

    private static JsonNode readYaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
