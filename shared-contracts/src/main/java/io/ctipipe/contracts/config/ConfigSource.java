package io.ctipipe.contracts.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Raw settings: config.yml flattened to {@code section.key} paths, overridden by environment
 * variables. Values are strings; {@link ConfigReader} types and validates them. Every {@code
 * KAFKA_*} variable becomes a Kafka client property ({@code KAFKA_SASL_JAAS_CONFIG} is {@code
 * kafka.sasl.jaas.config}).
 */
public final class ConfigSource {
    /** Every config.yml key under this prefix is a Kafka client property. */
    public static final String KAFKA_PREFIX = "kafka.";

    /** KAFKA_* variables that belong to Kafka's own scripts, not to client properties. */
    private static final Set<String> NOT_CLIENT_PROPERTIES =
            Set.of(
                    "KAFKA_HOME",
                    "KAFKA_OPTS",
                    "KAFKA_HEAP_OPTS",
                    "KAFKA_JVM_PERFORMANCE_OPTS",
                    "KAFKA_LOG4J_OPTS",
                    "KAFKA_DEBUG",
                    "KAFKA_JMX_OPTS",
                    "KAFKA_GC_LOG_OPTS");

    private final Map<String, String> yaml;
    private final Map<String, String> env;
    private final String yamlOrigin;

    private ConfigSource(Map<String, String> yaml, Map<String, String> env, String yamlOrigin) {
        this.yaml = Map.copyOf(yaml);
        this.env = Map.copyOf(env);
        this.yamlOrigin = yamlOrigin;
    }

    /** The process environment over the given config.yml (absent file: environment only). */
    public static ConfigSource load(Optional<Path> configFile) {
        return of(configFile.map(ConfigSource::readYaml).orElse(Map.of()), System.getenv());
    }

    public static ConfigSource of(Map<String, String> yaml, Map<String, String> env) {
        return new ConfigSource(yaml, env, "config.yml");
    }

    /**
     * Reads and flattens a YAML file; nested maps join with dots, lists with commas. A file that
     * cannot be read or is not YAML is a {@link ConfigException} of one line.
     */
    public static Map<String, String> readYaml(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
            Map<String, String> flat = new LinkedHashMap<>();
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                flatten("", root, flat, file);
            }
            return flat;
        } catch (JsonProcessingException e) {
            // The parser's message quotes the file around the error, secrets included: keep
            // only the position, and no cause that would carry the message along.
            throw new ConfigException(invalidYaml(file, e.getLocation()));
        } catch (IOException e) {
            throw ConfigFile.unreadable(file, e);
        }
    }

    private static String invalidYaml(Path file, JsonLocation location) {
        String where =
                location == null
                        ? ""
                        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "config file " + file + " is not valid YAML" + where;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                flatten(path, field.getValue(), out, file);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(",", items));
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    /** Every key path the config.yml gave, flattened ({@code sentinelone.batch_size}). */
    public Set<String> fileKeys() {
        return yaml.keySet();
    }

    /** The value of a key and where it came from, environment first. */
    public Optional<Value> get(ConfigKey key) {
        String fromEnv = env.get(key.env());
        if (fromEnv != null) {
            return Optional.of(new Value(fromEnv, key.env()));
        }
        String fromYaml = yaml.get(key.path());
        if (fromYaml != null) {
            return Optional.of(new Value(fromYaml, yamlOrigin + " " + key.path()));
        }
        return Optional.empty();
    }

    /**
     * Every Kafka client property given, by property name: {@code kafka.*} from config.yml, then
     * {@code KAFKA_*} variables over them.
     */
    public Map<String, String> kafkaProperties() {
        Map<String, String> properties = new TreeMap<>();
        yaml.forEach(
                (path, value) -> {
                    if (path.startsWith(KAFKA_PREFIX)) {
                        properties.put(path.substring(KAFKA_PREFIX.length()), value);
                    }
                });
        env.forEach(
                (name, value) -> {
                    if (name.startsWith("KAFKA_") && !NOT_CLIENT_PROPERTIES.contains(name)) {
                        properties.put(kafkaProperty(name), value);
                    }
                });
        return properties;
    }

    static String kafkaProperty(String envName) {
        return envName.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** A raw value and its origin: an environment variable name or a config.yml path. */
    public record Value(String text, String origin) {}
}
