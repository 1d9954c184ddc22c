package io.ctipipe.emulator.sentinelone;

import static io.ctipipe.emulator.sentinelone.ApiClient.createBody;
import static io.ctipipe.emulator.sentinelone.ApiClient.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatorArrivalsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private final SentinelOneEmulator emulator =
            SentinelOneEmulator.start(
                    SentinelOneEmulatorOptions.builder()
                            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                            .arrivals(
                                    (externalId, type, value, at) ->
                                            arrivals.add(
                                                    externalId
                                                            + " "
                                                            + type
                                                            + " "
                                                            + value
                                                            + " "
                                                            + at))
                            .build());
    private final ApiClient client = new ApiClient(emulator);

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void tellsTheListenerOfEveryStoredIocWithItsArrivalTime() {
        String body =
                createBody(
                        emulator.accountId(),
                        item("IPV4", "203.0.113.7", "ind--1"),
                        item("DNS", "a.example", "ind--2"));

        ApiClient.Answer answer = client.post(body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(arrivals)
                .containsExactly("ind--1 IPV4 203.0.113.7 " + NOW, "ind--2 DNS a.example " + NOW);
    }

    @Test
    void tellsTheListenerNothingOfARejectedBatch() {
        String body = createBody(emulator.accountId(), item("IPV4", "not an address", "ind--1"));

        ApiClient.Answer answer = client.post(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(arrivals).isEmpty();
    }
}
