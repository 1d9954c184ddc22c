package io.ctipipe.emulator.sentinelone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JDK HTTP client for the emulator tests. */
final class ApiClient {
    static final String PATH = "/web/api/v2.1/threat-intelligence/iocs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;

    ApiClient(SentinelOneEmulator emulator) {
        this(emulator.baseUrl(), "ApiToken " + emulator.apiToken(), Duration.ofSeconds(10));
    }

    private ApiClient(String baseUrl, String authorization, Duration timeout) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    ApiClient withAuthorization(String header) {
        return new ApiClient(baseUrl, header, timeout);
    }

    ApiClient withTimeout(Duration value) {
        return new ApiClient(baseUrl, authorization, value);
    }

    Answer post(String body) {
        return send("POST", PATH, body);
    }

    Answer get(String query) {
        return send("GET", PATH + "?" + query, null);
    }

    Answer delete(String body) {
        return send("DELETE", PATH, body);
    }

    Answer send(String method, String path, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(timeout)
                        .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest.BodyPublisher publisher =
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body);
        try {
            HttpResponse<String> response =
                    http.send(request.method(method, publisher).build(), bodyHandler());
            return new Answer(response.statusCode(), read(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse.BodyHandler<String> bodyHandler() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static JsonNode read(String body) throws IOException {
        return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
    }

    /** One answer: status, JSON body and the raw response for headers. */
    record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

    /** A create body for the emulator's account with the given item objects (JSON text). */
    static String createBody(String accountId, String... items) {
        return "{\"filter\":{\"tenant\":false,\"accountIds\":[\""
                + accountId
                + "\"]},\"data\":["
                + String.join(",", items)
                + "]}";
    }

    static String item(String type, String value, String externalId) {
        return "{\"type\":\""
                + type
                + "\",\"value\":\""
                + value
                + "\",\"method\":\"EQUALS\",\"source\":\"OpenCTI\",\"externalId\":\""
                + externalId
                + "\",\"name\":\"n\"}";
    }
}
