package io.ctipipe.ingester.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.ingester.IngesterConfig;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Posts GraphQL operations to {@code {OPENCTI_URL}/graphql} with the connector's token. */
public final class GraphqlClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final HttpUrl url;
    private final IngesterConfig config;

    public GraphqlClient(IngesterConfig config) {
        this.config = config;
        this.url = HttpUrl.get(config.openctiUrl() + "/graphql");
        this.http =
                new OkHttpClient.Builder()
                        .connectTimeout(config.connectTimeout())
                        .callTimeout(config.connectTimeout().multipliedBy(3))
                        // The registrar's schedule is the only retry: a failed ping waits for the
                        // next.
                        .retryOnConnectionFailure(false)
                        .build();
    }

    /** The {@code data} of the answer; throws IOException on HTTP or GraphQL errors. */
    public JsonNode execute(String query, ObjectNode variables) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        body.set("variables", variables);
        Request request =
                new Request.Builder()
                        .url(url)
                        .header("Authorization", "Bearer " + config.openctiToken().reveal())
                        .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE))
                        .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IOException("GraphQL answered status=" + response.code());
            }
            JsonNode answer = JSON.readTree(response.body().bytes());
            if (answer.path("errors").size() > 0) {
                throw new IOException(
                        "GraphQL error: " + answer.path("errors").get(0).path("message").asText());
            }
            return answer.path("data");
        }
    }

    public static ObjectNode variables() {
        return JSON.createObjectNode();
    }

    public void shutdown() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
