package io.ctipipe.sink.internals;

import static io.ctipipe.sink.internals.Fixtures.ioc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiCallerTest {
    private static final String CREATED =
            "{\"data\":[{\"uuid\":\"u1\",\"type\":\"DNS\",\"value\":\"a.b\","
                    + "\"externalId\":\"x\"}]}";

    private final MockWebServer server = new MockWebServer();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private static final Duration AUTH_RETRY = Duration.ofMillis(100);

    private final AuthGate gate = new AuthGate(AUTH_RETRY, "console.example:8443");
    private SentinelOneClient client;
    private ApiCaller caller;

    @BeforeEach
    void start() throws Exception {
        server.start();
        var config = TestConfigs.config(TestConfigs.fastEnv(server.url("/").toString(), "k", "1"));
        client = new SentinelOneClient(config, Clock.systemUTC());
        caller = new ApiCaller(config, gate, new SinkMetrics(registry), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private CallResult<List<RemoteIoc>> create(Cancellation cancellation) {
        return caller.call(
                "create", cancellation, () -> client.create(List.of(ioc("DNS", "a.b", "x"))));
    }

    @Test
    void uploadsOnceAfterATransient503() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body(CREATED).build());

        CallResult<List<RemoteIoc>> result = create(new Cancellation());

        assertThat(result.ok()).isTrue();
        assertThat(result.value()).extracting(RemoteIoc::uuid).containsExactly("u1");
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.ambiguous()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(registry.get(SinkMetrics.API_RETRIES).tag("cause", "http_5xx").counter().count())
                .isEqualTo(1);
    }

    @Test
    void waitsForRetryAfterOn429() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        server.enqueue(new MockResponse.Builder().code(200).body(CREATED).build());

        CallResult<List<RemoteIoc>> result = create(new Cancellation());

        RecordedRequest first = server.takeRequest(1, TimeUnit.SECONDS);
        RecordedRequest second = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(result.ok()).isTrue();
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(Duration.between(result.firstAttempt(), result.lastAttempt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterTheMaximumAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("{\"errors\":[]}").build());
        }

        CallResult<List<RemoteIoc>> result = create(new Cancellation());

        assertThat(result.ok()).isFalse();
        assertThat(result.failureClass()).isEqualTo(FailureClass.RETRIABLE);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.httpStatus()).isEqualTo(500);
        assertThat(result.ambiguous()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void doesNotRetryARejection() {
        server.enqueue(new MockResponse.Builder().code(400).body("{\"errors\":[]}").build());

        CallResult<List<RemoteIoc>> result = create(new Cancellation());

        assertThat(result.failureClass()).isEqualTo(FailureClass.REJECTED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void waitsOutRefusedCredentialsThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(200).body(CREATED).build());

        CompletableFuture<CallResult<List<RemoteIoc>>> call =
                CompletableFuture.supplyAsync(() -> create(new Cancellation()));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(gate::inOutage);
        assertThat(call.join().ok()).isTrue();
        assertThat(gate.inOutage()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void waitsOutAnUntrustedCertificateSlowlyThenSucceeds() {
        List<Long> calls = new CopyOnWriteArrayList<>();
        CheckedSupplier<String> request =
                () -> {
                    calls.add(System.nanoTime());
                    if (calls.size() <= 2) {
                        throw TlsFailures.untrusted();
                    }
                    return "created";
                };

        CompletableFuture<CallResult<String>> call =
                CompletableFuture.supplyAsync(
                        () -> caller.call("create", new Cancellation(), request));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(gate::inOutage);
        assertThat(gate.detail())
                .contains("console.example:8443", "certificate not trusted", "trustStore");
        CallResult<String> result = call.join();
        assertThat(result.ok()).isTrue();
        assertThat(result.value()).isEqualTo("created");
        assertThat(gate.inOutage()).isFalse();
        assertThat(calls).hasSize(3);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(Duration.ofNanos(calls.get(i) - calls.get(i - 1)))
                    .isGreaterThanOrEqualTo(AUTH_RETRY);
        }
        assertThat(registry.get(SinkMetrics.API_RETRIES).tag("cause", "tls").counter().count())
                .isEqualTo(2);
    }

    @Test
    void keepsAFailureBeforeAnOutageAmbiguous() {
        AtomicInteger calls = new AtomicInteger();
        CheckedSupplier<String> request =
                () ->
                        switch (calls.incrementAndGet()) {
                            case 1 -> throw new IOException("unexpected end of stream");
                            case 2 -> throw TlsFailures.untrusted();
                            default -> "created";
                        };

        CallResult<String> result = caller.call("create", new Cancellation(), request);

        assertThat(result.ok()).isTrue();
        assertThat(result.ambiguous()).isTrue();
        assertThat(calls).hasValue(3);
    }

    @Test
    void abandonsWhenCancelledDuringAnOutage() {
        for (int i = 0; i < 100; i++) {
            server.enqueue(new MockResponse.Builder().code(403).build());
        }
        Cancellation cancellation = new Cancellation();

        CompletableFuture<CallResult<List<RemoteIoc>>> call =
                CompletableFuture.supplyAsync(() -> create(cancellation));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(gate::inOutage);
        cancellation.cancel();

        assertThatThrownBy(call::join).hasCauseInstanceOf(CycleAbandoned.class);
    }
}
