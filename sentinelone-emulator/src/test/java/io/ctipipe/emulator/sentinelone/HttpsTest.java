package io.ctipipe.emulator.sentinelone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ctipipe.emulator.tls.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API over HTTPS, with the self-signed certificate for localhost and 127.0.0.1. */
class HttpsTest {
    private final SentinelOneEmulator emulator =
            SentinelOneEmulator.startHttps(
                    SentinelOneEmulatorOptions.defaults(), SelfSignedCertificate.serverContext());

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void answersAClientThatTrustsTheCertificate() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().sslContext(SelfSignedCertificate.clientContext()).build();

        HttpResponse<String> response =
                client.send(listRequest(), HttpResponse.BodyHandlers.ofString());

        assertThat(emulator.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.requestCount("GET")).isEqualTo(1);
    }

    @Test
    void refusesAClientThatDoesNotTrustTheCertificate() {
        HttpClient client = HttpClient.newHttpClient();

        assertThatThrownBy(() -> client.send(listRequest(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(emulator.requestCount()).isZero();
    }

    private HttpRequest listRequest() {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + ApiClient.PATH + "?limit=1"))
                .header("Authorization", "ApiToken " + emulator.apiToken())
                .build();
    }
}
