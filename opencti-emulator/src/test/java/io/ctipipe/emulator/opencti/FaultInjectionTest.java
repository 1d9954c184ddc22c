package io.ctipipe.emulator.opencti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.emulator.opencti.SseTestClient.Message;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private OpenCtiEmulator emulator;
    private List<StreamMessage> traffic;

    @BeforeEach
    void start() {
        traffic = TrafficGenerator.seeded(3).indicators(30).generate().messages();
        emulator =
                OpenCtiEmulator.start(
                        OpenCtiEmulatorOptions.builder()
                                .heartbeatPeriod(Duration.ofMillis(100))
                                .initialEvents(traffic)
                                .build());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private SseTestClient connect(String lastEventId) throws Exception {
        return SseTestClient.connect(
                emulator,
                "/stream/" + emulator.streamId(),
                Map.of("Last-Event-ID", lastEventId, "no-dependencies", "true"));
    }

    @Test
    void dropsEachConnectionAfterKMessagesMidMessage() throws Exception {
        emulator.faults().dropEvery(5);

        String raw = RawHttp.get(emulator, "/stream/" + emulator.streamId(), "0-0");

        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        assertThat(raw).startsWith("HTTP/1.1 200");
        assertThat(body.split("\nevent: create\n", -1)).hasSize(7);
        assertThat(body).doesNotEndWith("\n\n").doesNotContain("\r\n0\r\n\r\n");
    }

    @Test
    void closesConnectionsCleanlyLikeAPlatformRestart() throws Exception {
        try (SseTestClient client = connect("0-0")) {
            client.dataMessages(3);

            emulator.faults().closeOpenConnections();

            assertThat(client.until(m -> m.event().startsWith("<")))
                    .last()
                    .isEqualTo(SseTestClient.END);
        }
    }

    @Test
    void rejectsNewRequestsWithTheChosenStatusForAPeriod() throws Exception {
        // Long enough that even a stalled machine sends the first request within it.
        emulator.faults().reject(429, Duration.ofMinutes(1));

        HttpResponse<InputStream> during = open();
        emulator.faults().reject(429, Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(10)).until(() -> open().statusCode() == 200);

        assertThat(during.statusCode()).isEqualTo(429);
        assertThat(new String(during.body().readAllBytes())).contains("Too many requests");
    }

    @Test
    void goesSilentOnHalfOpenConnectionsThenAbortsThem() throws Exception {
        try (SseTestClient client = connect(emulator.lastEventId())) {
            client.until(m -> m.event().equals("heartbeat"));

            // Timed from before the fault, so that a stall between the two lines cannot shorten
            // what is measured; the 10 ms spare covers the emulator's millisecond sleep.
            long started = System.nanoTime();
            emulator.faults().halfOpenNow(Duration.ofMillis(600));

            Message next = client.until(m -> !m.event().equals("heartbeat")).get(0);
            assertThat(next.event()).isIn("<error>", "<end>");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(590));
        }
    }

    @Test
    void trimsPastAPausedClientWhichThenSilentlySkips() throws Exception {
        List<StreamMessage> log = emulator.events();
        try (SseTestClient client = connect(log.get(log.size() - 2).id())) {
            client.dataMessages(1);
            emulator.faults().pause();
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.pausedConnections() == 1);

            List<String> appended =
                    emulator.append(List.of(traffic.get(10), traffic.get(11), traffic.get(12)));
            emulator.trim(2);
            emulator.faults().resume();

            List<String> ids =
                    client.until(m -> appended.get(2).equals(m.id())).stream()
                            .filter(m -> m.id() != null && !m.event().equals("heartbeat"))
                            .map(Message::id)
                            .distinct()
                            .toList();
            assertThat(ids)
                    .contains(appended.get(1), appended.get(2))
                    .doesNotContain(appended.get(0));
        }
    }

    @Test
    void appliesTheFaultPlanGivenAtStart() throws Exception {
        FaultPlan plan = new FaultPlan(0, 0, Duration.ZERO, 503, Duration.ofSeconds(30), false);
        try (OpenCtiEmulator planned =
                OpenCtiEmulator.start(OpenCtiEmulatorOptions.builder().faults(plan).build())) {
            HttpResponse<InputStream> response =
                    SseTestClient.open(
                            planned.baseUrl() + "/stream/" + planned.streamId(),
                            Map.of("Authorization", "Bearer " + planned.token()));

            assertThat(response.statusCode()).isEqualTo(503);
        }
    }

    private HttpResponse<InputStream> open() throws Exception {
        return SseTestClient.open(
                emulator.baseUrl() + "/stream/" + emulator.streamId(),
                Map.of("Authorization", "Bearer " + emulator.token()));
    }
}
