package io.ctipipe.kafka.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** Settings for one combined broker and controller node on localhost. */
final class BrokerProperties {
    private BrokerProperties() {}

    static Properties singleNode(int brokerPort, int controllerPort, Path dir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://localhost:"
                        + brokerPort
                        + ",CONTROLLER://localhost:"
                        + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB cleaner buffer would be most of the broker's heap.
        props.put("log.cleaner.dedupe.buffer.size", "4194304");
        // Tests and quickstarts set message sizes up to a few MB on purpose.
        props.put("message.max.bytes", "10485760");
        // One machine shares its cores with the clients: the defaults (3 network and 8 request
        // threads) only add context switches. Measured with ctipipe bench (BENCHMARKS.md).
        props.put("num.network.threads", "1");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        return props;
    }
}
