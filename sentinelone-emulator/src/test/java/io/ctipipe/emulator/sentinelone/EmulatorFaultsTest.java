package io.ctipipe.emulator.sentinelone;

import static io.ctipipe.emulator.sentinelone.ApiClient.createBody;
import static io.ctipipe.emulator.sentinelone.ApiClient.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatorFaultsTest {
    private final SentinelOneEmulator emulator =
            SentinelOneEmulator.start(
                    SentinelOneEmulatorOptions.builder().maxHang(Duration.ofSeconds(30)).build());
    private final ApiClient client = new ApiClient(emulator);
    private final String body = createBody(emulator.accountId(), item("DNS", "a.example", "x"));

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void answersScriptedStatusesInOrderThenNormally() {
        emulator.faults().enqueue("POST", Fault.status(503)).enqueue("POST", Fault.status(500));

        int first = client.post(body).status();
        int second = client.post(body).status();
        int third = client.post(body).status();

        assertThat(List.of(first, second, third)).containsExactly(503, 500, 200);
        assertThat(emulator.storedIocs()).hasSize(1);
        assertThat(emulator.statusCount(503)).isEqualTo(1);
        assertThat(emulator.requestCount("POST")).isEqualTo(3);
    }

    @Test
    void scriptedFaultsWaitForTheirMethod() {
        emulator.faults().enqueue("DELETE", Fault.status(503));

        int post = client.post(body).status();
        int delete = client.delete("{\"filter\":{\"value\":\"a.example\"}}").status();

        assertThat(post).isEqualTo(200);
        assertThat(delete).isEqualTo(503);
    }

    @Test
    void answers429WithAndWithoutRetryAfter() {
        emulator.faults()
                .enqueue(Fault.tooManyRequests(Duration.ofSeconds(7)))
                .enqueue(Fault.tooManyRequests(null));

        ApiClient.Answer with = client.post(body);
        ApiClient.Answer without = client.post(body);

        assertThat(with.status()).isEqualTo(429);
        assertThat(with.raw().headers().firstValue("Retry-After")).hasValue("7");
        assertThat(without.status()).isEqualTo(429);
        assertThat(without.raw().headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void resetClosesTheConnectionWithoutProcessing() {
        emulator.faults().enqueue(Fault.reset());

        assertThatThrownBy(() -> client.post(body)).isInstanceOf(UncheckedIOException.class);
        assertThat(emulator.storedIocs()).isEmpty();
        assertThat(emulator.statusCount(0)).isEqualTo(1);
    }

    @Test
    void lostResponseProcessesThenClosesTheConnection() {
        emulator.faults().enqueue(Fault.lostResponse());

        assertThatThrownBy(() -> client.post(body)).isInstanceOf(UncheckedIOException.class);
        assertThat(emulator.storedIocs()).hasSize(1);
    }

    @Test
    void hangKeepsTheClientWaitingUntilItGivesUp() {
        emulator.faults().enqueue(Fault.hang());
        long started = System.nanoTime();

        ApiClient impatient = client.withTimeout(Duration.ofSeconds(2));

        assertThatThrownBy(() -> impatient.post(body)).isInstanceOf(UncheckedIOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(emulator.storedIocs()).isEmpty();
    }

    @Test
    void slowAndLatencyDelayTheAnswer() {
        emulator.faults()
                .latency(Duration.ofMillis(300))
                .enqueue(Fault.slow(Duration.ofMillis(300)));
        long started = System.nanoTime();

        int status = client.post(body).status();

        assertThat(status).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThan(Duration.ofMillis(590));
    }

    @Test
    void randomSharesAreSeededAndRepeatable() {
        List<Integer> firstRun = statusesWithShare(7);
        List<Integer> secondRun = statusesWithShare(7);

        assertThat(firstRun).isEqualTo(secondRun);
        assertThat(firstRun).contains(503, 200);
    }

    /**
     * 2000 requests with 10 % 503 and 10 % 429. For a fair draw each count is Binomial(2000, 0.1)
     * and the total Binomial(2000, 0.2); the bands hold all but about 1e-5 of each. The seed is
     * fixed, so the outcome is too: this cannot flake.
     */
    @Test
    void injectsTheConfiguredSharesOver2000Requests() throws InterruptedException {
        SentinelOneEmulatorOptions options =
                SentinelOneEmulatorOptions.builder()
                        .seed(7)
                        .randomFault(Fault.status(503), 0.1)
                        .randomFault(Fault.tooManyRequests(null), 0.1)
                        .build();

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        try (SentinelOneEmulator s1 = SentinelOneEmulator.start(options)) {
            ApiClient api = new ApiClient(s1);
            // Sixteen at a time, to keep the test short on a slow machine.
            ExecutorService clients = Executors.newFixedThreadPool(16);
            for (int i = 0; i < 2000; i++) {
                clients.execute(() -> statuses.merge(api.get("limit=1").status(), 1, Integer::sum));
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(statuses).containsOnlyKeys(200, 429, 503);
        assertThat(statuses.get(503)).isBetween(140, 260);
        assertThat(statuses.get(429)).isBetween(140, 260);
        assertThat(statuses.get(503) + statuses.get(429)).isBetween(320, 480);
    }

    private static List<Integer> statusesWithShare(long seed) {
        SentinelOneEmulatorOptions options =
                SentinelOneEmulatorOptions.builder()
                        .seed(seed)
                        .randomFault(Fault.status(503), 0.5)
                        .build();
        try (SentinelOneEmulator s1 = SentinelOneEmulator.start(options)) {
            ApiClient api = new ApiClient(s1);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(api.get("limit=1").status());
            }
            return statuses;
        }
    }
}
