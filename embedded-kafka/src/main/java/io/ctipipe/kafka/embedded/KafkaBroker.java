package io.ctipipe.kafka.embedded;

/** A Kafka broker a test or the quickstart talks to, however it was started. */
public interface KafkaBroker extends AutoCloseable {
    String bootstrapServers();

    /** embedded, external or testcontainers. */
    String kind();

    @Override
    void close();
}
