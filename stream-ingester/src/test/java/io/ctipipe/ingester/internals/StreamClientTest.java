package io.ctipipe.ingester.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.ingester.IngesterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class StreamClientTest {
    private final IngesterConfig config =
            IngesterConfig.from(
                    ConfigSource.of(
                            Map.of(),
                            Map.of(
                                    "OPENCTI_URL", "https://cti.example.com/base/",
                                    "OPENCTI_TOKEN", "secret-token",
                                    "CONNECTOR_ID", "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e",
                                    "CONNECTOR_LIVE_STREAM_ID", "abc",
                                    "CONNECTOR_LIVE_STREAM_LISTEN_DELETE", "yes",
                                    "CONNECTOR_LIVE_STREAM_NO_DEPENDENCIES", "true")));

    @Test
    void sendsThePositionOnlyAsLastEventIdWithTheFlagsAndNoCompression() {
        Request request =
                new StreamClient(config)
                        .request(StreamPosition.parse("1718003600123-2"), Optional.empty());

        assertThat(request.url().toString()).isEqualTo("https://cti.example.com/base/stream/abc");
        assertThat(request.url().querySize()).isZero();
        assertThat(request.header("Last-Event-ID")).isEqualTo("1718003600123-2");
        assertThat(request.header("from")).isNull();
        assertThat(request.header("recover")).isNull();
        assertThat(request.header("Authorization")).isEqualTo("Bearer secret-token");
        assertThat(request.header("Accept-Encoding")).isEqualTo("identity");
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
        assertThat(request.header("listen-delete")).isEqualTo("true");
        assertThat(request.header("no-dependencies")).isEqualTo("true");
        assertThat(request.header("with-inferences")).isEqualTo("false");
    }

    @Test
    void sendsRecoverWhileItApplies() {
        Instant until = Instant.parse("2024-06-10T00:00:00Z");

        Request request =
                new StreamClient(config).request(StreamPosition.START, Optional.of(until));

        assertThat(request.header("recover")).isEqualTo("2024-06-10T00:00:00Z");
    }

    @Test
    void readsRetryAfterSecondsAndIgnoresDates() {
        assertThat(StreamClient.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(StreamClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
        assertThat(StreamClient.retryAfter(null)).isZero();
    }
}
