package io.ctipipe.sink;

import static io.ctipipe.sink.SinkHarness.PATIENCE;
import static io.ctipipe.sink.SinkHarness.ioc;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.emulator.sentinelone.RepeatMode;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import io.ctipipe.emulator.sentinelone.StoredIoc;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import io.ctipipe.sink.internals.RunningCycle;
import io.ctipipe.sink.internals.SinkHooks;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replays and crashes in the emulator's new-record mode, where a repeat would duplicate. */
@ExtendWith(KafkaBrokerExtension.class)
class SinkRecoveryIT {
    private final SentinelOneEmulator emulator =
            SentinelOneEmulator.start(
                    SentinelOneEmulatorOptions.builder().repeatMode(RepeatMode.NEW_RECORD).build());
    private SinkHarness harness;

    @BeforeEach
    void topics(KafkaBroker broker) {
        harness = new SinkHarness(broker, 3);
    }

    @AfterEach
    void stop() {
        harness.close();
        emulator.close();
    }

    private Map<String, String> env() {
        return harness.env(emulator.baseUrl(), emulator.apiToken(), emulator.accountId());
    }

    private void sendTen(String name) {
        for (int i = 0; i < 10; i++) {
            harness.upsert(
                    "ind-" + i,
                    "indicator--" + i,
                    withName(ioc("DNS", "host" + i + ".example", "indicator--" + i), name));
        }
    }

    private static Ioc withName(Ioc ioc, String name) {
        return new Ioc(
                ioc.type(),
                ioc.value(),
                ioc.method(),
                ioc.source(),
                ioc.externalId(),
                name,
                null,
                null,
                null,
                ioc.labels(),
                null,
                "STIX",
                50);
    }

    @Test
    void aFullReplayLeavesNoDuplicate() throws Exception {
        sendTen("first");
        sendTen("second");
        harness.delete("ind-9");
        SentinelOneSinkService sink = harness.start(env());
        harness.awaitCommitted();
        Set<String> uuids = uuids();
        long posts = emulator.requestCount("POST");
        sink.close();

        harness.resetToEarliest();
        harness.start(env());
        Awaitility.await().atMost(PATIENCE).until(() -> harness.committed() == 21);

        assertThat(uuids()).isEqualTo(uuids).hasSize(9);
        assertThat(emulator.requestCount("POST")).isEqualTo(posts);
        assertThat(EmulatorView.copies(emulator).values()).containsOnly(1L);
    }

    @Test
    void aReplayWithResendUploadsAgainWithoutDuplicates() throws Exception {
        sendTen("first");
        SentinelOneSinkService sink = harness.start(env());
        harness.awaitCommitted();
        Set<String> before = uuids();
        long posts = emulator.requestCount("POST");
        sink.close();

        harness.resetToEarliest();
        Map<String, String> resend = env();
        resend.put("SINK_RESEND", "true");
        harness.start(resend);
        Awaitility.await().atMost(PATIENCE).until(() -> harness.committed() == 10);

        assertThat(emulator.requestCount("POST")).isGreaterThan(posts);
        assertThat(uuids()).hasSize(10).doesNotContainAnyElementsOf(before);
        assertThat(EmulatorView.copies(emulator).values()).containsOnly(1L);
    }

    @Test
    void aKillBetweenPostAndCommitLosesNothingAndDuplicatesNothing() {
        sendTen("first");
        SentinelOneSinkService first = harness.start(env());
        harness.awaitCommitted();
        first.close();
        sendTen("second");
        harness.upsert("ind-new", "indicator--new", ioc("IPV4", "203.0.113.77", "indicator--new"));

        SentinelOneSinkService doomed = harness.start(env(), crashOnceBeforeCommit());
        Awaitility.await().atMost(PATIENCE).until(() -> doomed.health().detail().contains("kill"));
        assertThat(EmulatorView.ours(emulator)).extracting(StoredIoc::name).contains("second");
        harness.start(env());
        harness.awaitCommitted();

        assertThat(EmulatorView.copies(emulator).values()).containsOnly(1L);
        assertThat(EmulatorView.copies(emulator)).hasSize(11);
        assertThat(EmulatorView.ours(emulator))
                .filteredOn(ioc -> ioc.type().equals("DNS"))
                .extracting(StoredIoc::name)
                .containsOnly("second");
    }

    @Test
    void twoInstancesShareThePartitionsAndHandOverWithoutDuplicates() {
        Map<String, String> second = env();
        second.put("SINK_TRANSACTIONAL_ID", second.get("SINK_TRANSACTIONAL_ID") + "-b");
        SentinelOneSinkService a = harness.start(env());
        sendTen("first");
        harness.awaitCommitted();

        harness.start(second);
        sendTen("second");
        harness.awaitCommitted();
        a.close();
        sendTen("third");
        harness.upsert("ind-new", "indicator--new", ioc("IPV4", "203.0.113.77", "indicator--new"));
        harness.awaitCommitted();

        assertThat(EmulatorView.copies(emulator).values()).containsOnly(1L);
        assertThat(EmulatorView.copies(emulator)).hasSize(11);
        assertThat(EmulatorView.ours(emulator))
                .filteredOn(ioc -> ioc.type().equals("DNS"))
                .extracting(StoredIoc::name)
                .containsOnly("third");
    }

    private static SinkHooks crashOnceBeforeCommit() {
        AtomicBoolean crashed = new AtomicBoolean();
        return new SinkHooks() {
            @Override
            public void beforeCommit(RunningCycle cycle) {
                if (crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("simulated kill before commit");
                }
            }
        };
    }

    private Set<String> uuids() {
        return EmulatorView.ours(emulator).stream()
                .map(StoredIoc::uuid)
                .collect(Collectors.toSet());
    }
}
