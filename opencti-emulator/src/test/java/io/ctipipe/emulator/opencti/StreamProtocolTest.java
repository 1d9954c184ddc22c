package io.ctipipe.emulator.opencti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.emulator.opencti.SseTestClient.Message;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenCtiEmulator emulator;
    private List<StreamMessage> traffic;

    @BeforeEach
    void start() {
        traffic = TrafficGenerator.seeded(7).indicators(30).generate().messages();
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

    private SseTestClient connect(String path, Map<String, String> headers) throws Exception {
        return SseTestClient.connect(emulator, path, headers);
    }

    private String stream() {
        return "/stream/" + emulator.streamId();
    }

    @Test
    void answersWithThePlatformHeadersAndConnectedFirst() throws Exception {
        try (SseTestClient client = connect(stream(), Map.of("Last-Event-ID", "0-0"))) {
            Message first = client.next();

            assertThat(client.response().statusCode()).isEqualTo(200);
            assertThat(client.response().headers().firstValue("Content-Type"))
                    .hasValue("text/event-stream; charset=utf-8");
            assertThat(client.response().headers().firstValue("Cache-Control"))
                    .hasValue("no-cache, no-transform");
            assertThat(client.response().headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("*");
            assertThat(first.event()).isEqualTo("connected");
            assertThat(first.id()).isNull();
            JsonNode info = JSON.readTree(first.data());
            assertThat(info.path("firstEventId").asText()).isEqualTo(emulator.firstEventId());
            assertThat(info.path("lastEventId").asText()).isEqualTo(emulator.lastEventId());
            assertThat(info.path("streamSize").asInt()).isEqualTo(traffic.size());
            assertThat(info.has("connectionId")).isTrue();
        }
    }

    @Test
    void zeroStartsAtTheOldestEntryAndDeliversEveryEntryInOrder() throws Exception {
        Map<String, String> headers = Map.of("Last-Event-ID", "0-0", "no-dependencies", "true");
        try (SseTestClient client = connect(stream(), headers)) {
            List<Message> data = client.dataMessages(traffic.size());

            assertThat(data)
                    .extracting(Message::id)
                    .containsExactlyElementsOf(
                            emulator.events().stream().map(StreamMessage::id).toList());
            assertThat(data.get(0).data()).isEqualTo(traffic.get(0).data());
        }
    }

    @Test
    void resumesStrictlyAfterTheLastEventId() throws Exception {
        List<StreamMessage> log = emulator.events();
        String resume = log.get(10).id();

        try (SseTestClient client = connect(stream(), Map.of("Last-Event-ID", resume))) {
            Message first = client.dataMessages(1).get(0);

            assertThat(first.id()).isEqualTo(log.get(11).id());
        }
    }

    @Test
    void queryFromWinsOverHeaderFromWhichWinsOverLastEventId() throws Exception {
        List<StreamMessage> log = emulator.events();
        Map<String, String> headers =
                Map.of("from", log.get(20).id(), "Last-Event-ID", log.get(30).id());

        try (SseTestClient byQuery = connect(stream() + "?from=" + log.get(10).id(), headers);
                SseTestClient byHeader = connect(stream(), headers)) {
            assertThat(byQuery.dataMessages(1).get(0).id()).isEqualTo(log.get(11).id());
            assertThat(byHeader.dataMessages(1).get(0).id()).isEqualTo(log.get(21).id());
        }
    }

    @Test
    void isoDateStartsAfterThatMillisecondsFirstIdAndABareNumberStartsNow() throws Exception {
        List<StreamMessage> log = emulator.events();
        long millis = Long.parseLong(log.get(5).id().split("-")[0]);
        String date = Instant.ofEpochMilli(millis - 1).toString();
        // A date is read as <ms>-0 and, like any id, exclusively: <ms>-1 of that millisecond
        // follows.

        try (SseTestClient byDate = connect(stream(), Map.of("Last-Event-ID", date));
                SseTestClient byNumber = connect(stream(), Map.of("from", "" + millis))) {
            assertThat(byDate.dataMessages(1).get(0).id())
                    .isEqualTo(firstIdAfter(log, millis - 1, 0));
            assertThat(byNumber.quietFor(Duration.ofMillis(300))).isTrue();
        }
    }

    @Test
    void startsAtTheOldestRetainedEntryWhenTheResumeIdWasTrimmed() throws Exception {
        List<StreamMessage> log = emulator.events();
        emulator.trim(10);

        try (SseTestClient client = connect(stream(), Map.of("Last-Event-ID", log.get(2).id()))) {
            Message connected = client.next();
            Message first = client.dataMessages(1).get(0);

            String oldest = log.get(log.size() - 10).id();
            assertThat(JSON.readTree(connected.data()).path("firstEventId").asText())
                    .isEqualTo(oldest);
            assertThat(first.id()).isEqualTo(oldest);
        }
    }

    @Test
    void refusesABadTokenAndAnUnknownStreamWith401AndAnEmptyBody() throws Exception {
        HttpResponse<InputStream> badToken =
                SseTestClient.open(
                        emulator.baseUrl() + stream(), Map.of("Authorization", "Bearer nope"));
        HttpResponse<InputStream> noToken =
                SseTestClient.open(emulator.baseUrl() + stream(), Map.of());
        HttpResponse<InputStream> unknown =
                SseTestClient.open(
                        emulator.baseUrl() + "/stream/4b7e0c7e-0000-4000-8000-000000000000",
                        Map.of("Authorization", "Bearer " + emulator.token()));

        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body().readAllBytes()).isEmpty();
    }

    @Test
    void answers410ForAStoppedStreamAndEndsOpenConnections() throws Exception {
        try (SseTestClient open = connect(stream(), Map.of("Last-Event-ID", "0-0"))) {
            open.dataMessages(3);

            emulator.stopStream();

            assertThat(open.until(m -> m == SseTestClient.END)).last().isEqualTo(SseTestClient.END);
            HttpResponse<InputStream> again =
                    SseTestClient.open(
                            emulator.baseUrl() + stream(),
                            Map.of("Authorization", "Bearer " + emulator.token()));
            assertThat(again.statusCode()).isEqualTo(410);
        }
    }

    @Test
    void answers500ForRecoverWithoutAStart() throws Exception {
        HttpResponse<InputStream> response =
                SseTestClient.open(
                        emulator.baseUrl() + stream() + "?recover=2030-01-01T00:00:00Z",
                        Map.of("Authorization", "Bearer " + emulator.token()));

        assertThat(response.statusCode()).isEqualTo(500);
    }

    @Test
    void heartbeatsCarryThePositionAndItsDateAndAdvanceWhenIdle() throws Exception {
        String last = emulator.lastEventId();

        try (SseTestClient client = connect(stream(), Map.of("Last-Event-ID", last))) {
            Message first = client.until(m -> m.event().equals("heartbeat")).get(1);
            Message later = client.until(m -> m.event().equals("heartbeat")).get(0);

            assertThat(idOf(first)).isGreaterThanOrEqualTo(idOf(last));
            String date = JSON.readTree(first.data()).asText();
            assertThat(Instant.parse(date).toEpochMilli()).isEqualTo(idOf(first));
            assertThat(idOf(later)).isGreaterThanOrEqualTo(idOf(first));
        }
    }

    @Test
    void servesDataThatIsNotJsonExactlyAsAppended() throws Exception {
        String deep = "[".repeat(3000) + "]".repeat(3000);
        List<String> poison = List.of("{\"data\": {\"type\": \"indic", "[1,2]", deep);
        String last = emulator.lastEventId();
        poison.forEach(data -> emulator.append("create", data));

        try (SseTestClient client = connect(stream(), Map.of("Last-Event-ID", last))) {
            List<Message> received = client.dataMessages(3);

            assertThat(received).extracting(Message::data).containsExactlyElementsOf(poison);
        }
    }

    private static String firstIdAfter(List<StreamMessage> log, long millis, long sequence) {
        return log.stream()
                .filter(m -> isAfter(m.id(), millis, sequence))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static boolean isAfter(String id, long millis, long sequence) {
        long idMillis = idOf(id);
        long idSequence = Long.parseLong(id.split("-")[1]);
        return idMillis > millis || (idMillis == millis && idSequence > sequence);
    }

    private static long idOf(Message message) {
        return idOf(message.id());
    }

    private static long idOf(String id) {
        return Long.parseLong(id.split("-")[0]);
    }
}
