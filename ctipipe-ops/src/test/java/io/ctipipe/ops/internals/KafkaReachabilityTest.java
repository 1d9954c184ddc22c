package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ctipipe.contracts.kafka.KafkaSettings;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaReachabilityTest {

    @Test
    void aPortNothingListensOnFailsWithinTheTimeoutNamingTheSettingAndAddress() throws Exception {
        String address = "127.0.0.1:" + closedPort();
        long start = System.nanoTime();

        assertThatThrownBy(() -> KafkaReachability.require(KafkaSettings.of(address)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "no answer from Kafka at KAFKA_BOOTSTRAP_SERVERS=" + address)
                .hasNoCause();

        // The client's own default is a minute; 15 s plus shutdown must stay well below it.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
