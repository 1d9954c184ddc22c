package io.ctipipe.emulator.sentinelone;

import static io.ctipipe.emulator.sentinelone.ApiClient.createBody;
import static io.ctipipe.emulator.sentinelone.ApiClient.item;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmulatorAuthTest {
    private final SentinelOneEmulator emulator =
            SentinelOneEmulator.start(SentinelOneEmulatorOptions.defaults());
    private final ApiClient client = new ApiClient(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ApiToken", "APIToken", "apitoken"})
    void acceptsTheTokenSchemeInAnyCase(String scheme) {
        ApiClient scoped = client.withAuthorization(scheme + " " + emulator.apiToken());

        ApiClient.Answer answer = scoped.get("limit=10");

        assertThat(answer.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer emulator-api-token", "ApiToken wrong", "emulator-api-token"})
    void rejectsAWrongTokenWithTheConsoleEnvelope(String header) {
        ApiClient.Answer answer = client.withAuthorization(header).get("limit=10");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("errors").get(0).path("code").asInt()).isEqualTo(4010010);
        assertThat(answer.json().path("errors").get(0).path("title").asText())
                .isEqualTo("Authentication Failed");
        assertThat(answer.json().path("errors").get(0).path("detail").isNull()).isTrue();
    }

    @Test
    void rejectsAMissingAuthorizationHeader() {
        ApiClient.Answer answer = client.withAuthorization(null).get("limit=10");

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void answersADoubledSlashWith401LikeTheRealConsole() {
        String body = createBody(emulator.accountId(), item("IPV4", "203.0.113.7", "x"));

        ApiClient.Answer answer = client.send("POST", "/" + ApiClient.PATH, body);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(emulator.storedIocs()).isEmpty();
    }

    @Test
    void answersAnOutageWith401UntilItEnds() {
        emulator.faults().authOutage(java.time.Duration.ofHours(1));

        ApiClient.Answer during = client.get("limit=1");
        emulator.faults().endAuthOutage();
        ApiClient.Answer after = client.get("limit=1");

        assertThat(during.status()).isEqualTo(401);
        assertThat(after.status()).isEqualTo(200);
    }

    @Test
    void servesTheInspectionEndpointWithoutAuthentication() {
        client.post(createBody(emulator.accountId(), item("DNS", "evil.example", "x")));

        ApiClient.Answer answer =
                client.withAuthorization(null).send("GET", "/_emulator/iocs", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("data").get(0).path("value").asText())
                .isEqualTo("evil.example");
        assertThat(answer.json().path("totalItems").asInt()).isEqualTo(1);
    }
}
