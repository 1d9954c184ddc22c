package io.ctipipe.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class TopicProvisionerIT {
    private static final int PARTITIONS = 4;

    @Test
    void newTopicsHaveLeadersAndTakeWritesAtOnce(KafkaBroker broker) throws Exception {
        Topics topics = topics("provisioned-");
        Map<String, Object> adminConfig =
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(adminConfig)) {

            TopicProvisioner.ensureTopics(admin, topics, PARTITIONS, (short) 1);

            Map<String, TopicDescription> described =
                    admin.describeTopics(topics.all()).allTopicNames().get();
            assertThat(described.values())
                    .flatMap(TopicDescription::partitions)
                    .allSatisfy(partition -> assertThat(partition.leader()).isNotNull());
        }
        try (KafkaProducer<String, String> producer = idempotentProducer(broker)) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(topics.events(), partition, "k", "v");
                producer.send(record).get(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aNewSinkStateTopicTakesTheExistingIocTopicsPartitionCount(KafkaBroker broker)
            throws Exception {
        Topics topics = topics("state-like-iocs-");
        Map<String, Object> adminConfig =
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(topics.iocs(), 3, (short) 1))).all().get();

            TopicProvisioner.ensureTopics(admin, topics, Optional.empty(), Optional.empty());

            Map<String, TopicDescription> described =
                    admin.describeTopics(List.of(topics.sinkState())).allTopicNames().get();
            assertThat(described.get(topics.sinkState()).partitions()).hasSize(3);
        }
    }

    private static Topics topics(String label) {
        String prefix = label + UUID.randomUUID() + ".";
        return new Topics(
                prefix + "events",
                prefix + "ingester-state",
                prefix + "iocs",
                prefix + "skipped",
                prefix + "events-dlq",
                prefix + "iocs-dlq",
                prefix + "sink-state");
    }

    private static KafkaProducer<String, String> idempotentProducer(KafkaBroker broker) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        15_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        5_000),
                new StringSerializer(),
                new StringSerializer());
    }
}
