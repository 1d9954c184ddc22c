package io.ctipipe.pipeline;

import io.ctipipe.kafka.embedded.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker with two client listeners: SASL_PLAINTEXT with the PLAIN mechanism and
 * one user, for the services, and PLAINTEXT, for the test's own probes ({@link
 * #bootstrapServers()}). The embedded-kafka module has no option for a SASL listener, so the broker
 * is built here from Kafka's server classes.
 */
final class SaslBroker implements KafkaBroker {
    static final String USER = "ctipipe";

    private final KafkaRaftServer server;
    private final int plainPort;
    private final int saslPort;

    private SaslBroker(KafkaRaftServer server, int plainPort, int saslPort) {
        this.server = server;
        this.plainPort = plainPort;
        this.saslPort = saslPort;
    }

    static SaslBroker start(Path dir, String password) {
        int plain = freePort();
        int sasl = freePort();
        Properties props = properties(plain, sasl, freePort(), dir, password);
        format(props, dir);
        KafkaRaftServer server =
                new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new SaslBroker(server, plain, sasl);
    }

    private static Properties properties(
            int plain, int sasl, int controller, Path dir, String password) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controller);
        props.put(
                "listeners",
                "PLAINTEXT://localhost:%d,SASL_PLAINTEXT://localhost:%d,CONTROLLER://localhost:%d"
                        .formatted(plain, sasl, controller));
        props.put(
                "advertised.listeners",
                "PLAINTEXT://localhost:%d,SASL_PLAINTEXT://localhost:%d".formatted(plain, sasl));
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put(
                "listener.security.protocol.map",
                "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "PLAIN");
        props.put(
                "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required user_"
                        + USER
                        + "=\""
                        + password
                        + "\";");
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", "4194304");
        props.put("message.max.bytes", "10485760");
        return props;
    }

    /** What a service is given to use the SASL listener: {@code KAFKA_*} variables only. */
    Map<String, String> clientVariables(String password) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                saslBootstrapServers(),
                "KAFKA_SECURITY_PROTOCOL",
                "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM",
                "PLAIN",
                "KAFKA_SASL_JAAS_CONFIG",
                clientJaas(password));
    }

    /** The same as Kafka client properties. */
    Map<String, Object> clientConfig(String password) {
        return Map.of(
                "bootstrap.servers",
                saslBootstrapServers(),
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                clientJaas(password));
    }

    private static String clientJaas(String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + USER
                + "\" password=\""
                + password
                + "\";";
    }

    private static void format(Properties props, Path dir) {
        Path file = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "pipeline-tests SASL broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {
            "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", file.toString()
        };
        int rc = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PLAINTEXT listener, for the test's own clients. */
    @Override
    public String bootstrapServers() {
        return "localhost:" + plainPort;
    }

    /** The SASL_PLAINTEXT listener, for the services. */
    String saslBootstrapServers() {
        return "localhost:" + saslPort;
    }

    @Override
    public String kind() {
        return "embedded-sasl";
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
