package io.ctipipe.emulator.opencti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream over HTTPS, with a self-signed certificate for localhost and 127.0.0.1. */
class HttpsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final OpenCtiEmulator emulator =
            OpenCtiEmulator.startHttps(
                    OpenCtiEmulatorOptions.builder()
                            .initialEvents(
                                    TrafficGenerator.seeded(3).indicators(5).generate().messages())
                            .build(),
                    serverContext());

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void servesTheStreamToAClientThatTrustsTheCertificate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(clientContext()).build();

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

    private static SSLContext serverContext() {
        try {
            KeyManagerFactory keys =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext clientContext() throws Exception {
        TrustManagerFactory trust =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore keyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = HttpsTest.class.getResourceAsStream("/emulator-tls.p12")) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
