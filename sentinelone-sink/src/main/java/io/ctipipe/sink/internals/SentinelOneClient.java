package io.ctipipe.sink.internals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.contracts.config.Secret;
import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.sink.SinkConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The three IOC calls of the SentinelOne API, one HTTP request each, no retry: create ({@code
 * POST}), delete by uuids ({@code DELETE} with a body filter) and find by externalId ({@code GET},
 * every page). A non-200 answer is an {@link ApiException}; I/O problems and timeouts are
 * IOExceptions. Retries belong to {@link ApiCaller}.
 */
public final class SentinelOneClient implements AutoCloseable {
    static final String IOCS_PATH = "web/api/v2.1/threat-intelligence/iocs";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final int PAGE_SIZE = 1000;
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final OkHttpClient http;
    private final HttpUrl iocsUrl;
    private final String authorization;
    private final ScopeFilter scope;
    private final ObjectMapper json = IocCommandCodec.mapper();
    private final RemoteIocReader createdReader = new RemoteIocReader(json.getFactory());
    private final Clock clock;

    public SentinelOneClient(SinkConfig config, Clock clock) {
        this.http = httpClient(config);
        // addPathSegments replaces the empty segment of a bare host, so the path never has "//".
        this.iocsUrl =
                HttpUrl.get(config.url().toString())
                        .newBuilder()
                        .addPathSegments(IOCS_PATH)
                        .build();
        this.authorization = authorization(config.apiKey());
        this.scope = new ScopeFilter(config);
        this.clock = clock;
    }

    private static OkHttpClient httpClient(SinkConfig config) {
        Duration timeout = config.timeout();
        return new OkHttpClient.Builder()
                // One retry layer: Resilience4j decides every retry. OkHttp's own silent retry
                // after a connection failure would multiply attempts and could repeat a POST.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .callTimeout(timeout)
                .connectTimeout(min(timeout, MAX_CONNECT_TIMEOUT))
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .connectionPool(new ConnectionPool(config.maxInFlight() + 2, 5, TimeUnit.MINUTES))
                .build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    static String authorization(Secret apiKey) {
        return "APIToken " + apiKey.reveal();
    }

    /**
     * POSTs the IOCs with the configured scope; returns the created (or updated) objects. The body
     * is written and the answer read without an intermediate tree: this is the sink's hot path.
     */
    public List<RemoteIoc> create(List<Ioc> iocs) throws IOException, ApiException {
        return createdReader.read(exchange("POST", iocsUrl, createBody(iocs)));
    }

    private byte[] createBody(List<Ioc> iocs) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 * iocs.size() + 128);
        try (JsonGenerator generator = json.getFactory().createGenerator(body)) {
            generator.writeStartObject();
            generator.writeFieldName("filter");
            generator.writeTree(scope.node());
            generator.writeFieldName("data");
            generator.writeObject(iocs);
            generator.writeEndObject();
        }
        return body.toByteArray();
    }

    /** DELETEs the IOCs with these uuids within the configured scope; returns how many went. */
    public int delete(List<String> uuids) throws IOException, ApiException {
        ObjectNode filter = scope.node();
        filter.set("uuids", json.valueToTree(uuids));
        ObjectNode body = json.createObjectNode();
        body.set("filter", filter);
        return send("DELETE", iocsUrl, body).path("data").path("affected").asInt();
    }

    /** Every IOC with this externalId and source, all pages. */
    public List<RemoteIoc> find(String externalId, String source) throws IOException, ApiException {
        List<RemoteIoc> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = send("GET", findUrl(externalId, source, cursor), null);
            found.addAll(remoteIocs(page));
            JsonNode next = page.path("pagination").path("nextCursor");
            cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        } while (cursor != null);
        return found;
    }

    private HttpUrl findUrl(String externalId, String source, String cursor) {
        HttpUrl.Builder url =
                iocsUrl.newBuilder()
                        .addQueryParameter("externalId", externalId)
                        .addQueryParameter("source", source)
                        .addQueryParameter("limit", Integer.toString(PAGE_SIZE));
        scope.addTo(url);
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return url.build();
    }

    private JsonNode send(String method, HttpUrl url, JsonNode body)
            throws IOException, ApiException {
        byte[] answer = exchange(method, url, body == null ? null : json.writeValueAsBytes(body));
        return answer.length == 0 ? json.createObjectNode() : json.readTree(answer);
    }

    /** The answer's bytes when it is a 200; an ApiException with its text otherwise. */
    private byte[] exchange(String method, HttpUrl url, byte[] body)
            throws IOException, ApiException {
        RequestBody payload = body == null ? null : RequestBody.create(body, JSON_TYPE);
        Request request =
                new Request.Builder()
                        .url(url)
                        .method(method, payload)
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .build();
        try (Response response = http.newCall(request).execute()) {
            byte[] answer = read(response.body());
            if (response.code() != 200) {
                String text = new String(answer, StandardCharsets.UTF_8);
                throw new ApiException(
                        method + " /iocs", response.code(), text, retryAfter(response));
            }
            return answer;
        }
    }

    private static byte[] read(ResponseBody body) throws IOException {
        return body == null ? new byte[0] : body.bytes();
    }

    private Duration retryAfter(Response response) {
        return RetryAfter.parse(response.header("Retry-After"), clock).orElse(null);
    }

    private static List<RemoteIoc> remoteIocs(JsonNode answer) {
        List<RemoteIoc> iocs = new ArrayList<>();
        answer.path("data").forEach(item -> iocs.add(RemoteIoc.from(item)));
        return iocs;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
