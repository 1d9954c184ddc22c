package io.ctipipe.kafka.embedded;

/** A broker someone else runs, given by {@code -Dkafka.bootstrap=host:port}; never stopped. */
record ExternalKafkaBroker(String bootstrapServers) implements KafkaBroker {
    @Override
    public String kind() {
        return "external";
    }

    @Override
    public void close() {}
}
