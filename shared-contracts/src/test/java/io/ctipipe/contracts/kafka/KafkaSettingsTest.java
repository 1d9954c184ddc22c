package io.ctipipe.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.contracts.config.ConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void hidesCredentialPropertiesWhenPrinted() {
        ConfigSource source =
                ConfigSource.of(
                        Map.of(),
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS", "b1:9093",
                                "KAFKA_SASL_JAAS_CONFIG", "user=\"u\" password=\"p4ss\";",
                                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-me"));

        KafkaSettings settings = KafkaSettings.read(new ConfigReader(source));

        assertThat(settings.bootstrapServers()).isEqualTo("b1:9093");
        assertThat(settings.clientConfig()).containsEntry("ssl.truststore.password", "trust-me");
        assertThat(settings.toString())
                .contains("b1:9093")
                .doesNotContain("p4ss")
                .doesNotContain("trust-me");
    }

    @Test
    void defaultsToLocalBrokerAndContractTopicNames() {
        KafkaSettings settings =
                KafkaSettings.read(new ConfigReader(ConfigSource.of(Map.of(), Map.of())));

        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.topics().events()).isEqualTo("opencti.stream.events");
        assertThat(settings.topics().iocsDlq()).isEqualTo("sentinelone.iocs.dlq");
    }

    @Test
    void compactsStateTopicsAndKeepsDeadLettersLong() {
        Topics topics = Topics.defaults();

        assertThat(
                        TopicProvisioner.newTopic(topics.ingesterState(), topics, 3, (short) 1)
                                .configs())
                .containsEntry("cleanup.policy", "compact");
        assertThat(TopicProvisioner.newTopic(topics.iocsDlq(), topics, 3, (short) 1).configs())
                .containsKey("retention.ms");
        assertThat(TopicProvisioner.newTopic(topics.iocs(), topics, 3, (short) 1).configs())
                .isEmpty();
        assertThat(TopicProvisioner.newTopic(topics.events(), topics, 3, (short) 1).configs())
                .containsEntry("max.message.bytes", "67108864");
    }
}
