package io.ctipipe.emulator.sentinelone;

import static io.ctipipe.emulator.sentinelone.ApiClient.createBody;
import static io.ctipipe.emulator.sentinelone.ApiClient.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatorCreateTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private SentinelOneEmulator emulator = start(RepeatMode.UPSERT);
    private ApiClient client = new ApiClient(emulator);

    private static SentinelOneEmulator start(RepeatMode mode) {
        return SentinelOneEmulator.start(
                SentinelOneEmulatorOptions.builder()
                        .repeatMode(mode)
                        .batchCap(3)
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .build());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void answers200WithTheCreatedObjects() {
        String body = createBody(emulator.accountId(), item("IPV4", "203.0.113.7", "ind--1"));

        ApiClient.Answer answer = client.post(body);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode created = answer.json().path("data").get(0);
        assertThat(created.path("uuid").asText()).matches("[0-9a-f]{32}");
        assertThat(created.path("batchId").asText()).matches("[0-9a-f]{32}");
        assertThat(created.path("scope").asText()).isEqualTo("account");
        assertThat(created.path("scopeId").asText()).isEqualTo(emulator.accountId());
        assertThat(created.path("uploadTime").asText()).isEqualTo(NOW.toString());
        assertThat(created.path("updatedAt").asText()).isEqualTo(NOW.toString());
        assertThat(created.path("externalId").asText()).isEqualTo("ind--1");
        assertThat(created.path("name").asText()).isEqualTo("n");
        assertThat(emulator.storedIocs())
                .extracting(StoredIoc::value)
                .containsExactly("203.0.113.7");
    }

    @Test
    void answers500WhenTheFilterHasNoAccountIds() {
        String body = "{\"filter\":{\"tenant\":false},\"data\":[" + item("DNS", "a.b", "x") + "]}";

        ApiClient.Answer answer = client.post(body);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(emulator.storedIocs()).isEmpty();
    }

    @Test
    void acceptsASiteScopeWhenAccountIdsAreNotRequired() {
        emulator.close();
        emulator =
                SentinelOneEmulator.start(
                        SentinelOneEmulatorOptions.builder().requireAccountIds(false).build());
        client = new ApiClient(emulator);
        String body = "{\"filter\":{\"siteIds\":[200]},\"data\":[" + item("DNS", "a.b", "x") + "]}";

        ApiClient.Answer answer = client.post(body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(emulator.storedIocs())
                .singleElement()
                .satisfies(
                        ioc -> {
                            assertThat(ioc.scope()).isEqualTo("site");
                            assertThat(ioc.scopeId()).isEqualTo("200");
                        });
    }

    @Test
    void answers403ForAnotherAccount() {
        ApiClient.Answer answer = client.post(createBody("999", item("DNS", "a.b", "x")));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("errors").get(0).path("code").asInt()).isEqualTo(4030010);
    }

    @Test
    void namesEveryBadItemIn400AndStoresNothing() throws Exception {
        String body =
                createBody(
                        emulator.accountId(),
                        item("MD5", "d41d8cd98f00b204e9800998ecf8427e", "x"),
                        item("ipv4", "203.0.113.7", "x"),
                        item("SHA256", "abc", "x"));

        ApiClient.Answer answer = client.post(body);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = answer.json().path("errors").get(0);
        assertThat(error.path("code").asInt()).isEqualTo(4000010);
        JsonNode named = new ObjectMapper().readTree(error.path("detail").asText());
        assertThat(named.path("errors").findValuesAsText("value"))
                .containsExactly("d41d8cd98f00b204e9800998ecf8427e", "203.0.113.7", "abc");
        assertThat(named.path("errors").findValuesAsText("type"))
                .containsExactly("MD5", "ipv4", "SHA256");
        assertThat(emulator.storedIocs()).isEmpty();
    }

    @Test
    void rejectsTheEmptyFileHashOfEveryAlgorithmAndAWrongMethod() {
        List<String> bad =
                List.of(
                        item("SHA1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "x"),
                        item(
                                "SHA256",
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                "x"),
                        item("DNS", "a.b", "x").replace("EQUALS", "CONTAINS"),
                        item("IPV4", "300.1.1.1", "x"));

        List<Integer> statuses = new ArrayList<>();
        bad.forEach(
                one -> statuses.add(client.post(createBody(emulator.accountId(), one)).status()));

        assertThat(statuses).containsOnly(400);
    }

    @Test
    void answers400NamingNoItemAboveTheBatchCap() {
        String[] four = new String[4];
        for (int i = 0; i < four.length; i++) {
            four[i] = item("DNS", "host" + i + ".example", "x");
        }

        ApiClient.Answer answer = client.post(createBody(emulator.accountId(), four));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("detail").asText())
                .contains("between 1 and 3");
    }

    @Test
    void defaultsAndClampsValidUntilPerType() {
        String farFuture = "\"validUntil\":\"2030-01-01T00:00:00.123456Z\"";
        String body =
                createBody(
                        emulator.accountId(),
                        item("IPV4", "203.0.113.7", "x"),
                        item("URL", "http://a.b/c", "x")
                                .replace("\"name\"", farFuture + ",\"name\""),
                        item("MD5", "0123456789abcdef0123456789abcdef", "x"));

        JsonNode data = client.post(body).json().path("data");

        assertThat(data.get(0).path("validUntil").asText()).isEqualTo("2026-03-15T10:00:00Z");
        assertThat(data.get(1).path("validUntil").asText()).isEqualTo("2026-08-28T10:00:00Z");
        assertThat(data.get(2).path("validUntil").asText()).isEqualTo("2026-08-28T10:00:00Z");
    }

    @Test
    void upsertModeUpdatesTheStoredIocAndKeepsItsUuid() {
        String first = createBody(emulator.accountId(), item("DNS", "a.example", "ind--1"));
        String second = first.replace("\"name\":\"n\"", "\"name\":\"renamed\"");

        String uuid = client.post(first).json().path("data").get(0).path("uuid").asText();
        String again = client.post(second).json().path("data").get(0).path("uuid").asText();

        assertThat(again).isEqualTo(uuid);
        assertThat(emulator.storedIocs())
                .singleElement()
                .extracting(StoredIoc::name)
                .isEqualTo("renamed");
    }

    @Test
    void newRecordModeCreatesARecordForEveryPost() {
        emulator.close();
        emulator = start(RepeatMode.NEW_RECORD);
        client = new ApiClient(emulator);
        String body = createBody(emulator.accountId(), item("DNS", "a.example", "ind--1"));

        client.post(body);
        client.post(body);

        assertThat(emulator.storedIocs()).hasSize(2);
        assertThat(emulator.storedIocs()).extracting(StoredIoc::uuid).doesNotHaveDuplicates();
    }
}
