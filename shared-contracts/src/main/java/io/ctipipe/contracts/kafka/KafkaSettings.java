package io.ctipipe.contracts.kafka;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigReader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka client properties from {@code kafka.*} in config.yml and {@code KAFKA_*} variables, plus
 * the topic names. {@link #toString()} hides every property that can hold a credential.
 */
public record KafkaSettings(Map<String, String> clientProperties, Topics topics) {

    public static final ConfigKey BOOTSTRAP_SERVERS =
            ConfigKey.of(
                    "kafka.bootstrap.servers",
                    "localhost:9092",
                    "Kafka bootstrap servers; any KAFKA_* variable is a client property.");

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaSettings read(ConfigReader reader) {
        Map<String, String> properties = new HashMap<>(reader.source().kafkaProperties());
        properties.put("bootstrap.servers", reader.string(BOOTSTRAP_SERVERS));
        return new KafkaSettings(properties, Topics.read(reader));
    }

    /** For tests and the embedded default: a bootstrap address and default topics. */
    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(Map.of("bootstrap.servers", bootstrapServers), Topics.defaults());
    }

    public String bootstrapServers() {
        return clientProperties.get("bootstrap.servers");
    }

    /** A fresh mutable copy of the client properties, for a client to add its own to. */
    public Map<String, Object> clientConfig() {
        return new HashMap<>(clientProperties);
    }

    public KafkaSettings withTopics(Topics replacement) {
        return new KafkaSettings(clientProperties, replacement);
    }

    static boolean isSensitive(String property) {
        String lower = property.toLowerCase(Locale.ROOT);
        return lower.contains("password")
                || lower.contains("jaas")
                || lower.contains("secret")
                || lower.contains("token")
                || lower.endsWith(".key")
                || lower.contains("credentials");
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        clientProperties.forEach(
                (name, value) -> shown.put(name, isSensitive(name) ? "[hidden]" : value));
        return "KafkaSettings[clientProperties=" + shown + ", topics=" + topics + "]";
    }
}
