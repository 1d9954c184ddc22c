package io.ctipipe.kafka.embedded;

import org.testcontainers.kafka.KafkaContainer;

/**
 * A broker in a Docker container (the official apache/kafka image, KRaft mode), for developers who
 * have a Docker engine. Its classes load only on this path, so machines without Docker never touch
 * Testcontainers.
 */
final class ContainerKafkaBroker implements KafkaBroker {
    static final String IMAGE = "apache/kafka:4.1.0";

    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafkaBroker start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new ContainerKafkaBroker(container);
    }

    static boolean dockerAvailable() {
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "testcontainers";
    }

    @Override
    public void close() {
        container.stop();
    }
}
