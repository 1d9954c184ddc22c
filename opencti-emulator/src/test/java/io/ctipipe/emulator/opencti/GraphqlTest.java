package io.ctipipe.emulator.opencti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphqlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenCtiEmulator emulator;

    @BeforeEach
    void start() {
        emulator = OpenCtiEmulator.start(OpenCtiEmulatorOptions.builder().build());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void registersAConnectorAndStoresTheStateOfEachPing() throws Exception {
        post(
                "mutation R($input: RegisterConnectorInput) {"
                        + " registerConnector(input: $input) { id } }",
                "{\"input\":{\"id\":\"c-1\",\"name\":\"S1\",\"type\":\"STREAM\","
                        + "\"scope\":[\"sentinelone\"]}}");

        JsonNode ping =
                post(
                        "mutation P($id: ID!, $state: String) {"
                                + " pingConnector(id: $id, state: $state) { id } }",
                        "{\"id\":\"c-1\",\"state\":\"{\\\"start_from\\\":\\\"5-0\\\"}\"}");

        assertThat(ping.path("data").path("pingConnector").path("connector_state").asText())
                .isEqualTo("{\"start_from\":\"5-0\"}");
        assertThat(emulator.registeredConnectors())
                .containsExactly(
                        new RegisteredConnector(
                                "c-1",
                                "S1",
                                "STREAM",
                                java.util.List.of("sentinelone"),
                                "{\"start_from\":\"5-0\"}",
                                1));
    }

    @Test
    void answersTheStreamCollectionQueryForItsStreamOnly() throws Exception {
        String query = "query S($id: String!) { streamCollection(id: $id) { id stream_live } }";

        JsonNode known = post(query, "{\"id\":\"" + emulator.streamId() + "\"}");
        JsonNode unknown = post(query, "{\"id\":\"other\"}");

        assertThat(known.path("data").path("streamCollection").path("stream_live").asBoolean())
                .isTrue();
        assertThat(unknown.path("data").path("streamCollection").isNull()).isTrue();
    }

    @Test
    void failsWith500WhileGraphqlFailureIsInjected() throws Exception {
        emulator.faults().failGraphql(true);

        HttpResponse<String> response = send("query { streamCollection(id: \"x\") { id } }", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
    }

    private JsonNode post(String query, String variables) throws Exception {
        HttpResponse<String> response = send(query, variables);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String query, String variables) throws Exception {
        String body =
                "{\"query\":"
                        + JSON.writeValueAsString(query)
                        + ",\"variables\":"
                        + variables
                        + "}";
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/graphql"))
                        .header("Authorization", "Bearer " + emulator.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
