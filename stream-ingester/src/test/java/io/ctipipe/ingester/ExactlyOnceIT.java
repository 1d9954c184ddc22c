package io.ctipipe.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.ingester.internals.IngesterMetrics;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class ExactlyOnceIT {
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private OpenCtiEmulator emulator;

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private List<StreamMessage> startEmulator(long seed, int indicators) {
        List<StreamMessage> traffic =
                TrafficGenerator.seeded(seed).indicators(indicators).generate().messages();
        emulator =
                OpenCtiEmulator.start(
                        OpenCtiEmulatorOptions.builder()
                                .heartbeatPeriod(Duration.ofMillis(100))
                                .build());
        emulator.faults().heartbeatInsideGroups(true);
        return traffic;
    }

    @Test
    void deliversEveryEventOnceAcrossDropsAHalfOpenConnectionAndA401Phase(KafkaBroker broker) {
        List<StreamMessage> traffic = startEmulator(1, 150);
        int third = traffic.size() / 3;
        emulator.append(traffic.subList(0, third));
        emulator.faults().dropEvery(37);
        IngesterFixture fixture = new IngesterFixture(broker, emulator);
        StreamIngesterService service = fixture.start();

        fixture.awaitCaughtUp(service, CATCH_UP);
        emulator.faults().halfOpenNow(Duration.ofSeconds(4));
        emulator.append(traffic.subList(third, 2 * third));
        fixture.awaitCaughtUp(service, CATCH_UP);
        // Long enough that the reconnect after the drop meets the 401 phase on a slow machine.
        emulator.faults().reject(401, Duration.ofSeconds(3));
        emulator.faults().dropOpenConnections();
        emulator.append(traffic.subList(2 * third, traffic.size()));
        fixture.awaitCaughtUp(service, CATCH_UP);
        service.close();

        TopicComparison.assertExactlyOnce(
                fixture.published(), emulator.events(), emulator.streamId());
        assertThat(fixture.counter(IngesterMetrics.RECONNECTS, "cause", "io-error"))
                .isGreaterThan(3);
        assertThat(fixture.counter(IngesterMetrics.RECONNECTS, "cause", "idle-timeout"))
                .isPositive();
        assertThat(fixture.counter(IngesterMetrics.RECONNECTS, "cause", "http-401")).isPositive();
        assertThat(fixture.counter(IngesterMetrics.EVENTS, "type", "merge")).isPositive();
    }

    @Test
    void neitherLosesNorRepeatsWhenTheIngesterIsKilledAtRandomPoints(KafkaBroker broker) {
        List<StreamMessage> traffic = startEmulator(2, 200);
        int half = traffic.size() / 2;
        emulator.append(traffic.subList(0, half));
        IngesterFixture fixture =
                new IngesterFixture(broker, emulator)
                        .set("INGESTER_TRANSACTION_MAX_EVENTS", "7")
                        .set("INGESTER_TRANSACTION_LINGER", "5ms");
        Random random = new Random(20240611);
        List<String> ids = emulator.events().stream().map(StreamMessage::id).toList();

        for (int kill = 0; kill < 5; kill++) {
            StreamIngesterService service = fixture.start();
            StreamPosition target = StreamPosition.parse(ids.get(random.nextInt(ids.size())));
            await().atMost(CATCH_UP)
                    .pollDelay(Duration.ofMillis(random.nextInt(300)))
                    .until(
                            () ->
                                    fixture.committed(service)
                                                    .filter(p -> !target.isAfter(p))
                                                    .isPresent()
                                            || fixture.committed(service).isPresent()
                                                    && random.nextInt(4) == 0);
            service.halt();
            if (kill == 2) {
                emulator.append(traffic.subList(half, traffic.size()));
                ids = emulator.events().stream().map(StreamMessage::id).toList();
            }
        }
        StreamIngesterService last = fixture.start();
        fixture.awaitCaughtUp(last, CATCH_UP);
        last.close();

        TopicComparison.assertExactlyOnce(
                fixture.published(), emulator.events(), emulator.streamId());
        assertThat(fixture.counter(IngesterMetrics.TRANSACTIONS, "outcome", "committed"))
                .isGreaterThan(20);
    }
}
