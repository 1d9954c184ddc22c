package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.kafka.TopicCreation;
import io.ctipipe.ops.OpsConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting the tool reads, by environment variable: the three services' keys, the shared ones
 * and the CLI's own. Tests check the README, the samples and docker-compose.yml against it. Kafka
 * client properties ({@code KAFKA_*}) are open-ended and not listed beyond the bootstrap.
 */
public final class ConfigReference {
    private ConfigReference() {}

    public static Map<String, ConfigKey> byEnvironmentName() {
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        for (ServiceDefinition<?> service :
                List.of(Services.INGESTER, Services.MAPPER, Services.SINK)) {
            service.keys().forEach(key -> keys.putIfAbsent(key.env(), key));
        }
        List<ConfigKey> shared = new ArrayList<>(ConfigKeys.all());
        shared.addAll(TopicCreation.keys());
        shared.addAll(ServiceEndpoints.keys());
        shared.addAll(OpsConfig.keys());
        shared.forEach(key -> keys.putIfAbsent(key.env(), key));
        return keys;
    }

    /** Whether a variable is one the tool reads: a listed key or a Kafka client property. */
    public static boolean isKnown(String environmentName) {
        return environmentName.startsWith("KAFKA_")
                || byEnvironmentName().containsKey(environmentName);
    }
}
