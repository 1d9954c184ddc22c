package io.ctipipe.sink.internals;

import static io.ctipipe.sink.internals.Fixtures.ioc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.emulator.tls.SelfSignedCertificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SentinelOneClientTest {
    private static final String PATH = "/web/api/v2.1/threat-intelligence/iocs";
    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper json = new ObjectMapper();
    private SentinelOneClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        Map<String, String> env =
                TestConfigs.fastEnv(server.url("/").toString(), "APIToken secret-key", "42");
        env.put("SENTINELONE_SITE_ID", "7");
        client = new SentinelOneClient(TestConfigs.config(env), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void postsWithTheTokenAndTheScopeOnACleanPath() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":[]}").build());

        client.create(List.of(ioc("DNS", "a.b", "indicator--1")));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo(PATH);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("APIToken secret-key");
        JsonNode body = json.readTree(request.getBody().utf8());
        assertThat(body.path("filter").path("accountIds").get(0).asText()).isEqualTo("42");
        assertThat(body.path("filter").path("siteIds").get(0).asText()).isEqualTo("7");
        assertThat(body.path("data").get(0).path("method").asText()).isEqualTo("EQUALS");
    }

    @Test
    void deletesByUuidsOnly() throws Exception {
        server.enqueue(
                new MockResponse.Builder().code(200).body("{\"data\":{\"affected\":2}}").build());

        int affected = client.delete(List.of("u1", "u2"));

        JsonNode body = json.readTree(server.takeRequest().getBody().utf8());
        assertThat(affected).isEqualTo(2);
        assertThat(body.path("filter").path("uuids").toString()).isEqualTo("[\"u1\",\"u2\"]");
        assertThat(body.path("filter").has("value")).isFalse();
    }

    @Test
    void findsEveryPage() throws Exception {
        server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .body(
                                "{\"data\":[{\"uuid\":\"u1\"}],"
                                        + "\"pagination\":{\"nextCursor\":\"c2\"}}")
                        .build());
        server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .body("{\"data\":[{\"uuid\":\"u2\"}],\"pagination\":{\"nextCursor\":null}}")
                        .build());

        List<RemoteIoc> found = client.find("indicator--1", "OpenCTI test");

        assertThat(found).extracting(RemoteIoc::uuid).containsExactly("u1", "u2");
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().queryParameter("externalId")).isEqualTo("indicator--1");
        assertThat(first.getUrl().queryParameter("source")).isEqualTo("OpenCTI test");
        assertThat(server.takeRequest().getUrl().queryParameter("cursor")).isEqualTo("c2");
    }

    @Test
    void reportsAnErrorStatusWithItsRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());

        assertThatThrownBy(() -> client.create(List.of(ioc("DNS", "a.b", "x"))))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(429);
                            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                        });
    }

    @Test
    void classifiesTheHandshakeWithAnUntrustedCertificateAsTls() {
        try (SentinelOneEmulator emulator =
                        SentinelOneEmulator.startHttps(
                                SentinelOneEmulatorOptions.defaults(),
                                SelfSignedCertificate.serverContext());
                SentinelOneClient untrusting =
                        new SentinelOneClient(
                                TestConfigs.config(
                                        TestConfigs.fastEnv(
                                                emulator.baseUrl(), emulator.apiToken(), "1")),
                                Clock.systemUTC())) {

            Throwable failure = catchThrowable(() -> untrusting.find("indicator--1", "x"));

            assertThat(FailureClassifier.classify(failure)).isEqualTo(FailureClass.TLS);
            assertThat(FailureClassifier.tlsProblem(failure)).startsWith("certificate not trusted");
            assertThat(emulator.requestCount()).isZero();
        }
    }
}
