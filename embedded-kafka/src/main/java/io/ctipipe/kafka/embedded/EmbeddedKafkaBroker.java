package io.ctipipe.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running in this JVM from
 * Kafka's own server classes. It is the "embedded default" of the quickstart, {@code ctipipe
 * broker}, and the broker the integration tests use when no other is given. Not for production: one
 * node, replication factor 1.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final Path directory;
    private final boolean temporary;
    private final int port;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dir, boolean temporary, int port) {
        this.server = server;
        this.directory = dir;
        this.temporary = temporary;
        this.port = port;
    }

    /** A broker on a free port with a temporary data directory deleted on close. */
    public static EmbeddedKafkaBroker startTemporary() {
        try {
            Path dir = Files.createTempDirectory("ctipipe-kafka-");
            return start(0, dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker listening on localhost:port (0 picks a free port) keeping its data in dir; a
     * directory formatted before is reused, so the data survives a restart.
     */
    public static EmbeddedKafkaBroker start(int port, Path dir, boolean temporary) {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Properties props = BrokerProperties.singleNode(brokerPort, controllerPort, dir);
        long started = System.nanoTime();
        format(props, dir);
        KafkaRaftServer server =
                new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        log.info(
                "Embedded Kafka broker started bootstrap=localhost:{} dir={} startupMs={}",
                brokerPort,
                dir,
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedKafkaBroker(server, dir, temporary, brokerPort);
    }

    private static void format(Properties props, Path dir) {
        if (Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        Path file = dir.resolve("server.properties");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "ctipipe embedded broker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        String[] args = {
            "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", file.toString()
        };
        int rc = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker stopped bootstrap=localhost:{}", port);
        if (temporary) {
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete broker directory dir={}", dir, e);
        }
    }
}
