package io.ctipipe.emulator.opencti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ctipipe.emulator.tls.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream over HTTPS, with the self-signed certificate for localhost and 127.0.0.1. */
class HttpsTest {
    private final OpenCtiEmulator emulator =
            OpenCtiEmulator.startHttps(
                    OpenCtiEmulatorOptions.builder()
                            .initialEvents(
                                    TrafficGenerator.seeded(3).indicators(5).generate().messages())
                            .build(),
                    SelfSignedCertificate.serverContext());

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void servesTheStreamToAClientThatTrustsTheCertificate() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().sslContext(SelfSignedCertificate.clientContext()).build();

        HttpResponse<InputStream> response =
                client.send(streamRequest(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(emulator.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader body =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(body.readLine()).isEqualTo("event: connected");
        }
    }

    @Test
    void refusesAClientThatDoesNotTrustTheCertificate() {
        HttpClient client = HttpClient.newHttpClient();

        assertThatThrownBy(() -> client.send(streamRequest(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private HttpRequest streamRequest() {
        return HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + "/stream/" + emulator.streamId()))
                .header("Authorization", "Bearer " + emulator.token())
                .header("Last-Event-ID", "0-0")
                .build();
    }
}
