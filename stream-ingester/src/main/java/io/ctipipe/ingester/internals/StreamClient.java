package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.ingester.IngesterConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Opens {@code {OPENCTI_URL}/stream/{CONNECTOR_LIVE_STREAM_ID}} as the platform expects: bearer
 * token, the listen-delete / no-dependencies / with-inferences flags, the position only as {@code
 * Last-Event-ID} (a {@code from} in the URL would win over it on every reconnect), {@code recover}
 * while it applies, and {@code Accept-Encoding: identity} so that nothing buffers in a
 * decompressor.
 */
public final class StreamClient {
    private final OkHttpClient http;
    private final HttpUrl url;
    private final IngesterConfig config;

    public StreamClient(IngesterConfig config) {
        this.config = config;
        this.url = HttpUrl.get(config.openctiUrl() + "/stream/" + config.streamId());
        this.http =
                new OkHttpClient.Builder()
                        .connectTimeout(config.connectTimeout())
                        // Liveness by bytes: a read that waits this long means a dead stream.
                        .readTimeout(config.idleTimeout())
                        // The stream never ends by design, so no call timeout.
                        .callTimeout(Duration.ZERO)
                        // Our reconnect loop owns retries, with backoff and logging by cause.
                        .retryOnConnectionFailure(false)
                        .build();
    }

    public String url() {
        return url.toString();
    }

    /** Opens the stream after the given position; throws a classified failure otherwise. */
    public StreamConnection open(StreamPosition resume, Optional<Instant> recover)
            throws StreamFailureException {
        Call call = http.newCall(request(resume, recover));
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw new StreamFailureException(
                    FailureClassifier.stream(e), e.toString(), Duration.ZERO, e);
        }
        check(response);
        return new StreamConnection(
                call,
                response,
                new SseParser(response.body().byteStream(), config.maxEventBytes()));
    }

    Request request(StreamPosition resume, Optional<Instant> recover) {
        Request.Builder request =
                new Request.Builder()
                        .url(url)
                        .header("Authorization", "Bearer " + config.openctiToken().reveal())
                        .header("Accept", "text/event-stream")
                        .header("Cache-Control", "no-cache")
                        .header("Accept-Encoding", "identity")
                        .header("listen-delete", Boolean.toString(config.listenDelete()))
                        .header("no-dependencies", Boolean.toString(config.noDependencies()))
                        .header("with-inferences", Boolean.toString(config.withInferences()))
                        .header("Last-Event-ID", resume.toString());
        recover.ifPresent(until -> request.header("recover", until.toString()));
        return request.build();
    }

    private static void check(Response response) throws StreamFailureException {
        if (response.code() != 200) {
            String detail = "status=" + response.code() + " reason='" + response.message() + "'";
            Duration retryAfter = retryAfter(response.header("Retry-After"));
            response.close();
            throw new StreamFailureException(
                    FailureClassifier.status(response.code()), detail, retryAfter, null);
        }
        String type = response.header("Content-Type", "");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")) {
            response.close();
            throw new StreamFailureException(
                    FailureClassifier.notAnEventStream(),
                    "content-type=" + type,
                    Duration.ZERO,
                    null);
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || !header.trim().matches("\\d{1,6}")) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }

    /** Frees the client's threads and connections. */
    public void shutdown() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
