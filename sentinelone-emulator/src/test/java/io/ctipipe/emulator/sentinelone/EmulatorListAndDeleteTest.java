package io.ctipipe.emulator.sentinelone;

import static io.ctipipe.emulator.sentinelone.ApiClient.createBody;
import static io.ctipipe.emulator.sentinelone.ApiClient.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorListAndDeleteTest {
    private final SentinelOneEmulator emulator =
            SentinelOneEmulator.start(SentinelOneEmulatorOptions.defaults());
    private final ApiClient client = new ApiClient(emulator);

    @BeforeEach
    void storeFiveIocs() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(item("DNS", "host" + i + ".example", "ind--" + (i % 2)));
        }
        items.add(item("DNS", "host0.example", "other").replace("OpenCTI", "Other feed"));
        client.post(createBody(emulator.accountId(), items.toArray(String[]::new)));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void filtersByExternalIdValueTypeAndSource() {
        JsonNode byExternalId = client.get("externalId=ind--1").json();
        JsonNode byValue = client.get("value=host0.example").json();
        JsonNode bySource = client.get("value=host0.example&source=OpenCTI").json();
        JsonNode byType = client.get("type=IPV4").json();

        assertThat(byExternalId.path("data").findValuesAsText("value"))
                .containsExactly("host1.example", "host3.example");
        assertThat(byValue.path("pagination").path("totalItems").asInt()).isEqualTo(2);
        assertThat(bySource.path("data").findValuesAsText("externalId")).containsExactly("ind--0");
        assertThat(byType.path("data")).isEmpty();
    }

    @Test
    void filtersByUuids() {
        List<String> uuids = client.get("limit=2").json().path("data").findValuesAsText("uuid");

        JsonNode found = client.get("uuids=" + String.join(",", uuids)).json();

        assertThat(found.path("data").findValuesAsText("uuid")).containsExactlyElementsOf(uuids);
    }

    @Test
    void pagesWithAnOpaqueCursor() {
        JsonNode first = client.get("limit=2").json();
        String cursor = first.path("pagination").path("nextCursor").asText();
        JsonNode second = client.get("limit=2&cursor=" + cursor).json();
        String last = second.path("pagination").path("nextCursor").asText();
        JsonNode third = client.get("limit=2&cursor=" + last).json();

        assertThat(first.path("pagination").path("totalItems").asInt()).isEqualTo(5);
        assertThat(second.path("data").findValuesAsText("value"))
                .containsExactly("host2.example", "host3.example");
        assertThat(third.path("data")).hasSize(1);
        assertThat(third.path("pagination").path("nextCursor").isNull()).isTrue();
    }

    @Test
    void answers400ForAnInvalidCursorOrLimit() {
        ApiClient.Answer cursor = client.get("cursor=not-a-cursor");
        ApiClient.Answer limit = client.get("limit=1001");

        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().path("errors").get(0).path("code").asInt()).isEqualTo(4000010);
        assertThat(cursor.json().path("errors").get(0).path("title").asText())
                .isEqualTo("Invalid cursor value received");
        assertThat(limit.status()).isEqualTo(400);
    }

    @Test
    void deletesByUuidsWithinTheScope() {
        String uuid =
                client.get("value=host1.example").json().path("data").get(0).path("uuid").asText();
        String body =
                "{\"filter\":{\"uuids\":[\""
                        + uuid
                        + "\"],\"accountIds\":[\""
                        + emulator.accountId()
                        + "\"]}}";

        ApiClient.Answer answer = client.delete(body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("data").path("affected").asInt()).isEqualTo(1);
        assertThat(emulator.storedIocs()).extracting(StoredIoc::uuid).doesNotContain(uuid);
    }

    @Test
    void deletesByValueAcrossSources() {
        ApiClient.Answer answer = client.delete("{\"filter\":{\"value\":\"host0.example\"}}");

        assertThat(answer.json().path("data").path("affected").asInt()).isEqualTo(2);
        assertThat(emulator.storedIocs()).hasSize(3);
    }

    @Test
    void refusesADeleteWithoutUuidsOrValue() {
        ApiClient.Answer answer = client.delete("{\"filter\":{\"accountIds\":[\"1\"]}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(emulator.storedIocs()).hasSize(5);
    }
}
