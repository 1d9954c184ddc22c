package io.ctipipe.emulator.opencti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.emulator.opencti.SseTestClient.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DependenciesAndFlagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXT = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    private OpenCtiEmulator emulator;
    private List<StreamMessage> log;

    @BeforeEach
    void start() {
        List<StreamMessage> traffic =
                TrafficGenerator.seeded(11).indicators(60).generate().messages();
        emulator =
                OpenCtiEmulator.start(
                        OpenCtiEmulatorOptions.builder()
                                .heartbeatPeriod(Duration.ofMillis(100))
                                .initialEvents(traffic)
                                .build());
        log = emulator.events();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private SseTestClient connect(String query, Map<String, String> headers) throws Exception {
        return SseTestClient.connect(emulator, "/stream/" + emulator.streamId() + query, headers);
    }

    @Test
    void sendsTheAuthorAndMarkingFirstWithTheEntrysId() throws Exception {
        int firstIndicator = indexOfFirst("indicator");
        String resume = log.get(firstIndicator - 1).id();

        try (SseTestClient client = connect("", Map.of("Last-Event-ID", resume))) {
            List<Message> group = client.dataMessages(3);

            String entryId = log.get(firstIndicator).id();
            assertThat(group).extracting(Message::id).containsOnly(entryId);
            assertThat(group).extracting(Message::event).containsOnly("create");
            JsonNode author = JSON.readTree(group.get(0).data());
            assertThat(author.path("origin").path("referer").asText())
                    .isEqualTo("init-dependencies");
            assertThat(author.path("data").path("type").asText())
                    .isIn("identity", "marking-definition");
            assertThat(author.has("event_id")).isFalse();
            assertThat(group.get(2).data()).isEqualTo(log.get(firstIndicator).data());
        }
    }

    @Test
    void sendsEachDependencyOncePerConnectionAndAgainAfterAReconnect() throws Exception {
        int firstIndicator = indexOfFirst("indicator");
        String resume = log.get(firstIndicator - 1).id();
        List<Message> first;
        List<Message> second;

        Map<String, String> headers = Map.of("Last-Event-ID", resume, "no-dependencies", "true");
        try (SseTestClient client = connect("", headers)) {
            first = client.dataMessages(40);
        }
        try (SseTestClient client = connect("", headers)) {
            second = client.dataMessages(40);
        }

        long dependencies = first.stream().filter(this::isDependency).count();
        assertThat(dependencies).isBetween(2L, 6L);
        assertThat(first.stream().filter(this::isDependency).map(this::stixId).distinct().count())
                .isEqualTo(dependencies);
        assertThat(second)
                .extracting(Message::id)
                .isEqualTo(first.stream().map(Message::id).toList());
    }

    @Test
    void leavesDeletesOutWhenListenDeleteIsFalse() throws Exception {
        long deletes = log.stream().filter(m -> m.event().equals("delete")).count();

        Map<String, String> headers = Map.of("Last-Event-ID", "0-0", "no-dependencies", "true");
        try (SseTestClient all = connect("", headers);
                SseTestClient noDeletes = connect("?listen-delete=false", headers)) {
            List<Message> withDeletes = all.dataMessages(log.size());
            List<Message> without = noDeletes.dataMessages((int) (log.size() - deletes));

            assertThat(deletes).isPositive();
            assertThat(withDeletes)
                    .filteredOn(m -> m.event().equals("delete"))
                    .hasSize((int) deletes);
            assertThat(without).noneMatch(m -> m.event().equals("delete"));
            assertThat(without.get(without.size() - 1).id()).isEqualTo(lastNonDeleteId());
        }
    }

    @Test
    void leavesInferredObjectsOutUnlessWithInferences() throws Exception {
        ObjectNode inferred = (ObjectNode) JSON.readTree(log.get(indexOfFirst("indicator")).data());
        ((ObjectNode) inferred.path("data").path("extensions").path(EXT)).put("is_inferred", true);
        String last = emulator.lastEventId();
        String id = emulator.append("create", JSON.writeValueAsString(inferred));
        String after = emulator.append("create", log.get(indexOfFirst("malware")).data());

        try (SseTestClient plain = connect("", Map.of("Last-Event-ID", last));
                SseTestClient inferences =
                        connect("", Map.of("Last-Event-ID", last, "with-inferences", "true"))) {
            assertThat(plain.dataMessages(1).get(0).id()).isEqualTo(after);
            assertThat(inferences.dataMessages(1).get(0).id()).isEqualTo(id);
        }
    }

    @Test
    void sendsRelationshipsOfAnEntityOnlyWhenDependenciesAreOn() throws Exception {
        int relationship = indexOfFirst("relationship");
        String indicatorId = stixIdOf(log.get(relationship).data(), "source_ref");
        int indicator = indexWithStixId(indicatorId);
        String resume = log.get(indicator - 1).id();

        try (SseTestClient deps = connect("", Map.of("Last-Event-ID", resume));
                SseTestClient noDeps =
                        connect("", Map.of("Last-Event-ID", resume, "no-dependencies", "true"))) {
            List<Message> withDeps = deps.dataMessages(6);
            List<Message> withoutDeps = noDeps.dataMessages(6);

            String entry = log.get(indicator).id();
            assertThat(withDeps)
                    .filteredOn(m -> m.id().equals(entry))
                    .anyMatch(this::isRelationship);
            assertThat(withoutDeps)
                    .filteredOn(m -> m.id().equals(entry))
                    .noneMatch(this::isRelationship);
        }
    }

    @Test
    void theRawStreamSendsStoredEntriesWithoutDependencies() throws Exception {
        int firstIndicator = indexOfFirst("indicator");
        String resume = log.get(firstIndicator - 1).id();

        try (SseTestClient raw =
                SseTestClient.connect(emulator, "/stream", Map.of("Last-Event-ID", resume))) {
            List<Message> messages = raw.dataMessages(3);

            assertThat(messages).noneMatch(this::isDependency);
            assertThat(messages.get(0).id()).isEqualTo(log.get(firstIndicator).id());
        }
    }

    @Test
    void recoverSendsTheCurrentObjectsThenGoesLive() throws Exception {
        long lastMillis = Long.parseLong(emulator.lastEventId().split("-")[0]);
        String recover = Instant.ofEpochMilli(lastMillis).toString();
        String live = emulator.append("create", log.get(indexOfFirst("malware")).data());

        try (SseTestClient client =
                connect("?recover=" + recover, Map.of("Last-Event-ID", "0-0"))) {
            List<Message> messages = client.until(m -> m.id() != null && m.id().equals(live));

            List<Message> snapshot =
                    messages.stream().filter(m -> referer(m).equals("init-create")).toList();
            assertThat(snapshot).isNotEmpty();
            assertThat(snapshot).extracting(Message::event).containsOnly("create");
            assertThat(snapshot).allMatch(m -> m.id().endsWith("-0"));
            assertThat(messages.get(messages.size() - 1).id()).isEqualTo(live);
        }
    }

    private String lastNonDeleteId() {
        return log.stream()
                .filter(m -> !m.event().equals("delete"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .id();
    }

    private boolean isDependency(Message message) {
        return referer(message).equals("init-dependencies");
    }

    private boolean isRelationship(Message message) {
        return read(message.data()).path("data").path("type").asText().equals("relationship");
    }

    private String referer(Message message) {
        if (message.data() == null || message.event().equals("heartbeat")) {
            return "";
        }
        return read(message.data()).path("origin").path("referer").asText("");
    }

    private String stixId(Message message) {
        return read(message.data()).path("data").path("id").asText();
    }

    private int indexOfFirst(String type) {
        for (int i = 0; i < log.size(); i++) {
            if (read(log.get(i).data()).path("data").path("type").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    private int indexWithStixId(String stixId) {
        for (int i = 0; i < log.size(); i++) {
            if (read(log.get(i).data()).path("data").path("id").asText().equals(stixId)) {
                return i;
            }
        }
        throw new AssertionError("no " + stixId);
    }

    private static String stixIdOf(String data, String field) {
        return read(data).path("data").path(field).asText();
    }

    private static JsonNode read(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
