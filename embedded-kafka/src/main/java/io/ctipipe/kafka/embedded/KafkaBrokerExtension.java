package io.ctipipe.kafka.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link KafkaBroker} parameter: the broker named by {@code
 * -Dkafka.bootstrap=host:port} when set, else one embedded broker for the whole test run, shared by
 * every test class and closed at the end. Tests must use topic names of their own so that they do
 * not see each other's records.
 *
 * <p>Testcontainers is not wired in: this project's CI machines have no Docker engine, and the
 * embedded broker is a real Kafka broker that starts faster than a container.
 */
public final class KafkaBrokerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new SharedBroker(open()), SharedBroker.class)
                .broker();
    }

    private static KafkaBroker open() {
        String bootstrap = System.getProperty("kafka.bootstrap", "").trim();
        if (!bootstrap.isEmpty()) {
            return new ExternalKafkaBroker(bootstrap);
        }
        String choice = System.getProperty("kafka.broker", "auto").trim();
        return switch (choice) {
            case "embedded" -> EmbeddedKafkaBroker.startTemporary();
            case "testcontainers" -> ContainerKafkaBroker.start();
            case "auto" ->
                    dockerHinted() && ContainerKafkaBroker.dockerAvailable()
                            ? ContainerKafkaBroker.start()
                            : EmbeddedKafkaBroker.startTemporary();
            default ->
                    throw new IllegalArgumentException(
                            "-Dkafka.broker must be auto, embedded or testcontainers, got "
                                    + choice);
        };
    }

    static boolean dockerHinted() {
        String home = System.getProperty("user.home");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || (runtime != null && Files.exists(Path.of(runtime, "docker.sock")));
    }

    /** Store value that JUnit closes when the test run ends. */
    private record SharedBroker(KafkaBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.close();
        }
    }
}
