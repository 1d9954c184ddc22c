package io.ctipipe.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.opencti.RegisteredConnector;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.ingester.IngesterFixture.Published;
import io.ctipipe.ingester.internals.IngesterMetrics;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class StreamLifecycleIT {
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private OpenCtiEmulator emulator;
    private List<StreamMessage> traffic;

    @BeforeEach
    void startEmulator() {
        traffic = TrafficGenerator.seeded(9).indicators(40).generate().messages();
        emulator =
                OpenCtiEmulator.start(
                        OpenCtiEmulatorOptions.builder()
                                .heartbeatPeriod(Duration.ofMillis(100))
                                .initialEvents(traffic.subList(0, 50))
                                .build());
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void startsAtNowOnAFirstStartAndFromTheStoredPositionAfterwards(KafkaBroker broker) {
        IngesterFixture fixture =
                new IngesterFixture(broker, emulator)
                        .set("CONNECTOR_LIVE_STREAM_START_FROM", "now");
        StreamIngesterService first = fixture.start();
        await().atMost(CATCH_UP).until(() -> first.committedState().isPresent());
        List<String> live = emulator.append(traffic.subList(50, 60));
        fixture.awaitCaughtUp(first, CATCH_UP);
        first.close();
        List<String> whileDown = emulator.append(traffic.subList(60, 70));

        StreamIngesterService second = fixture.start();
        fixture.awaitCaughtUp(second, CATCH_UP);
        second.close();

        List<String> published =
                fixture.published().stream()
                        .filter(p -> !p.isDependency())
                        .map(Published::id)
                        .toList();
        assertThat(published)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.Stream.concat(live.stream(), whileDown.stream()).toList());
    }

    @Test
    void forwardsAnEnvelopeOfAnotherVersionUnchangedForTheMapperToReport(KafkaBroker broker) {
        String legacy =
                "{\"version\":\"3\",\"type\":\"create\",\"data\":{\"type\":\"indicator\","
                        + "\"id\":\"indicator--legacy\",\"x_opencti_score\":80}}";
        IngesterFixture fixture = new IngesterFixture(broker, emulator);
        StreamIngesterService service = fixture.start();

        String id = emulator.append("create", legacy);
        fixture.awaitCaughtUp(service, CATCH_UP);
        service.close();

        assertThat(fixture.published())
                .filteredOn(p -> id.equals(p.id()))
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.data()).isEqualTo(legacy);
                            assertThat(p.key()).isEqualTo("indicator--legacy");
                            assertThat(p.event()).isEqualTo("create");
                        });
    }

    @Test
    void recoversASnapshotThenGoesLiveAndDropsTheRecoverDate(KafkaBroker broker) {
        IngesterFixture fixture =
                new IngesterFixture(broker, emulator)
                        .set("CONNECTOR_LIVE_STREAM_START_FROM", "0-0")
                        .set("CONNECTOR_LIVE_STREAM_RECOVER_UNTIL", "now");
        StreamIngesterService service = fixture.start();
        await().atMost(CATCH_UP)
                .until(
                        () ->
                                service.committedState()
                                        .filter(s -> s.recoverUntil() == null)
                                        .isPresent());
        List<String> live = emulator.append(traffic.subList(50, 55));
        fixture.awaitCaughtUp(service, CATCH_UP);
        service.close();

        List<Published> published = fixture.published();
        assertThat(published).anyMatch(p -> p.data().contains("\"referer\":\"init-create\""));
        assertThat(published).extracting(Published::id).containsAll(live);
        assertThat(
                        published.stream()
                                .filter(p -> p.data().contains("init-create"))
                                .map(Published::key))
                .doesNotHaveDuplicates();
    }

    @Test
    void warnsAndCountsAGapWhenTheStreamWasTrimmedPastTheStoredPosition(KafkaBroker broker) {
        IngesterFixture fixture = new IngesterFixture(broker, emulator);
        StreamIngesterService first = fixture.start();
        fixture.awaitCaughtUp(first, CATCH_UP);
        first.close();
        emulator.append(traffic.subList(50, 70));
        emulator.trim(5);

        StreamIngesterService second = fixture.start();
        fixture.awaitCaughtUp(second, CATCH_UP);
        second.close();

        assertThat(fixture.counter(IngesterMetrics.GAPS)).isEqualTo(1);
        assertThat(fixture.counter(IngesterMetrics.GAP_MILLIS)).isPositive();
    }

    @Test
    void registersWithOpenCtiAndPingsItsStateEvenAfterGraphqlFailures(KafkaBroker broker) {
        emulator.faults().failGraphql(true);
        IngesterFixture fixture = new IngesterFixture(broker, emulator);
        StreamIngesterService service = fixture.start();

        fixture.awaitCaughtUp(service, CATCH_UP);
        emulator.faults().failGraphql(false);
        await().atMost(CATCH_UP)
                .until(
                        () ->
                                !emulator.registeredConnectors().isEmpty()
                                        && emulator.registeredConnectors().get(0).state() != null);
        service.close();

        RegisteredConnector connector = emulator.registeredConnectors().get(0);
        assertThat(connector.id()).isEqualTo(fixture.connectorId);
        assertThat(connector.type()).isEqualTo("STREAM");
        assertThat(connector.scope()).containsExactly("sentinelone");
        assertThat(connector.state()).contains("\"start_from\":\"");
    }

    @Test
    void reportsAStoppedStreamAsUnhealthyAndRecoversWhenItStarts(KafkaBroker broker) {
        emulator.stopStream();
        IngesterFixture fixture = new IngesterFixture(broker, emulator);
        StreamIngesterService service = fixture.start();

        await().atMost(CATCH_UP).until(() -> !service.health().up());
        assertThat(service.health().detail()).contains("http-410");
        emulator.startStream();
        fixture.awaitCaughtUp(service, CATCH_UP);
        await().atMost(CATCH_UP).until(() -> service.health().up());
        service.close();

        assertThat(fixture.counter(IngesterMetrics.RECONNECTS, "cause", "http-410")).isPositive();
    }
}
