package io.ctipipe.cli;

import io.ctipipe.contracts.kafka.TopicProvisioner;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.kafka.embedded.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ctipipe broker}: the embedded single-node Kafka broker on its own. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Run a single-node Kafka broker (KRaft) in this process, for trying the services"
                    + " locally. Not for production: one node, replication factor 1.",
            "Stops cleanly on Ctrl-C; data is kept in --data and reused on the next start."
        })
final class BrokerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "9092", description = "Listener port (default 9092).")
    int port;

    @Option(
            names = "--data",
            defaultValue = ".ctipipe/broker",
            description = "Data directory (default .ctipipe/broker).")
    Path data;

    @Option(
            names = "--create-topics",
            negatable = true,
            defaultValue = "true",
            description = "Create the pipeline's topics with their default names (default on).")
    boolean createTopics;

    @Option(
            names = "--partitions",
            defaultValue = "4",
            description = "Partitions per topic created (default 4).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, data.toAbsolutePath(), false);
        if (createTopics) {
            provisionTopics(broker.bootstrapServers());
        }
        out.println("Kafka broker ready at " + broker.bootstrapServers() + " (Ctrl-C stops it)");
        out.flush();
        new ShutdownLatch().awaitThen(broker::close);
        return 0;
    }

    private void provisionTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicProvisioner.ensureTopics(admin, Topics.defaults(), partitions, (short) 1);
        }
    }
}
