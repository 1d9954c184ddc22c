package io.ctipipe.ops.internals;

import io.ctipipe.contracts.kafka.KafkaSettings;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka client settings for the operations commands: the pipeline's client properties first (so
 * SASL and TLS pass through), then what each client needs on top.
 */
public final class OpsClients {
    /** Raw events can be 64 MiB; a redrive of the events dead-letter topic must fit them. */
    static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024 + 64 * 1024;

    private OpsClients() {}

    public static Admin admin(KafkaSettings kafka) {
        Map<String, Object> config = kafka.clientConfig();
        config.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "ctipipe-ops-admin");
        return Admin.create(config);
    }

    /** A group-less byte-array consumer that sees committed records only. */
    public static Map<String, Object> readerConfig(KafkaSettings kafka, String clientId) {
        Map<String, Object> config = kafka.clientConfig();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /** An idempotent byte-array producer; transactional when {@code transactionalId} is set. */
    public static Map<String, Object> producerConfig(
            KafkaSettings kafka, String clientId, String transactionalId) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return config;
    }
}
