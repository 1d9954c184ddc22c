package io.ctipipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigKeys;
import io.ctipipe.contracts.kafka.TopicCreation;
import io.ctipipe.ops.OpsConfig;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void everySettingIsDeclaredOnceEvenWhenSeveralCommandsReadIt() {
        Map<String, Set<ConfigKey>> declarations = new TreeMap<>();

        everyKeyList()
                .flatMap(List::stream)
                .forEach(key -> declarationsOf(declarations, key.env()).add(key));

        assertThat(declarations).allSatisfy((env, keys) -> assertThat(keys).as(env).hasSize(1));
    }

    @Test
    void theGroupsAreTheServicesOwnKeysInTheOperationsCommands() {
        assertThat(Services.MAPPER.keys()).anyMatch(k -> k == ConfigKeys.MAPPER_APPLICATION_ID);
        assertThat(Services.SINK.keys()).anyMatch(k -> k == ConfigKeys.SINK_GROUP_ID);
        assertThat(OpsConfig.keys())
                .anyMatch(k -> k == ConfigKeys.MAPPER_APPLICATION_ID)
                .anyMatch(k -> k == ConfigKeys.SINK_GROUP_ID);
    }

    private static Stream<List<ConfigKey>> everyKeyList() {
        return Stream.of(
                Services.INGESTER.keys(),
                Services.MAPPER.keys(),
                Services.SINK.keys(),
                ConfigKeys.all(),
                TopicCreation.keys(),
                ServiceEndpoints.keys(),
                OpsConfig.keys());
    }

    private static Set<ConfigKey> declarationsOf(Map<String, Set<ConfigKey>> all, String env) {
        return all.computeIfAbsent(env, k -> Collections.newSetFromMap(new IdentityHashMap<>()));
    }
}
