package io.ctipipe.sink.internals;

import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.sink.SinkConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and closes everything the sink runs on: the Kafka consumer, the transactional producer,
 * the upload ledger and the state restorer (each on {@code KafkaSettings.clientConfig()} first, so
 * that SASL and TLS settings pass through), the SentinelOne client, the cycle thread and the HTTP
 * pool.
 */
public final class SinkClients implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SinkClients.class);

    private final SinkConfig config;
    private final Consumer<byte[], byte[]> consumer;
    private final TransactionWriter writer;
    private final StateRestorer restorer;
    private final UploadLedger ledger;
    private final SentinelOneClient client;
    private final ExecutorService cycleThread;
    private final ExecutorService httpPool;
    private final AuthGate authGate;
    private final SinkMetrics metrics;
    private final UploadCycle uploadCycle;

    public SinkClients(SinkConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.consumer = new KafkaConsumer<>(consumerConfig(config));
        this.writer =
                new TransactionWriter(
                        new KafkaProducer<>(producerConfig(config)), config.topics().sinkState());
        this.restorer =
                new StateRestorer(
                        new KafkaConsumer<>(restorerConfig(config)), config.topics().sinkState());
        this.ledger = UploadLedger.open(config.stateDir(), config.transactionalId());
        this.client = new SentinelOneClient(config, clock);
        this.cycleThread = Executors.newSingleThreadExecutor(threads("ctipipe-sink-cycle"));
        this.httpPool =
                Executors.newFixedThreadPool(config.maxInFlight(), threads("ctipipe-sink-http"));
        this.authGate = new AuthGate(config.authRetryInterval(), hostAndPort(config));
        this.metrics = new SinkMetrics(registry);
        ApiCaller caller = new ApiCaller(config, authGate, metrics, clock);
        DeadLetters deadLetters =
                new DeadLetters(config.topics().iocsDlq(), new Redactor(config.apiKey()), clock);
        this.uploadCycle =
                new UploadCycle(
                        config, client, caller, httpPool, writer, deadLetters, metrics, clock);
    }

    /** The console's host and port, never its user info or path. */
    static String hostAndPort(SinkConfig config) {
        URI url = config.url();
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    static Map<String, Object> consumerConfig(SinkConfig config) {
        Map<String, Object> props = config.kafka().clientConfig();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.consumerGroup() + "-consumer");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    static Map<String, Object> producerConfig(SinkConfig config) {
        Map<String, Object> props = config.kafka().clientConfig();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.consumerGroup() + "-producer");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A cycle writes two state records per Indicator; in 16 KB batches that was many small
        // requests. The commit flushes whatever the batches hold.
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // State records repeat their field names and ids: lz4 batches are a fraction of the bytes
        // for the broker to store and the restore to read. KAFKA_COMPRESSION_TYPE overrides it.
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    static Map<String, Object> restorerConfig(SinkConfig config) {
        Map<String, Object> props = config.kafka().clientConfig();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.consumerGroup() + "-restorer");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Fails when the IOC topic is missing or the state topic has fewer partitions than it. */
    void checkTopics() {
        List<String> problems = topicProblems(config.topics());
        if (!problems.isEmpty()) {
            throw new FatalSinkException(
                    "topics missing or mismatched: "
                            + String.join("; ", problems)
                            + " (create them, the state topic with the IOC topic's partition"
                            + " count)",
                    null);
        }
    }

    private List<String> topicProblems(Topics topics) {
        int iocs = partitions(topics.iocs());
        int state = partitions(topics.sinkState());
        List<String> problems = new ArrayList<>();
        if (iocs == 0) {
            problems.add(topics.iocs() + " does not exist");
        }
        if (state < iocs) {
            problems.add(
                    topics.sinkState()
                            + " has "
                            + state
                            + " partitions, "
                            + topics.iocs()
                            + " has "
                            + iocs
                            + " (needs as many)");
        }
        if (partitions(topics.iocsDlq()) == 0) {
            problems.add(topics.iocsDlq() + " does not exist");
        }
        return problems;
    }

    private int partitions(String topic) {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            return partitions == null ? 0 : partitions.size();
        } catch (KafkaException e) {
            return 0;
        }
    }

    /** Producer errors after which the transactional producer cannot be used again. */
    static boolean isFatal(KafkaException e) {
        return e instanceof ProducerFencedException
                || e instanceof FencedInstanceIdException
                || e instanceof OutOfOrderSequenceException
                || e instanceof AuthorizationException
                || e instanceof UnsupportedVersionException;
    }

    Consumer<byte[], byte[]> consumer() {
        return consumer;
    }

    TransactionWriter writer() {
        return writer;
    }

    StateRestorer restorer() {
        return restorer;
    }

    UploadLedger ledger() {
        return ledger;
    }

    ExecutorService cycleThread() {
        return cycleThread;
    }

    AuthGate authGate() {
        return authGate;
    }

    SinkMetrics metrics() {
        return metrics;
    }

    UploadCycle uploadCycle() {
        return uploadCycle;
    }

    @Override
    public void close() {
        cycleThread.shutdownNow();
        httpPool.shutdownNow();
        closeQuietly(consumer);
        closeQuietly(writer);
        closeQuietly(restorer);
        closeQuietly(ledger);
        closeQuietly(client);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing failed client={}", closeable.getClass().getSimpleName(), e);
        }
    }
}
