package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadLedgerTest {
    private static final IndicatorState HELD =
            new IndicatorState(
                    "1700000000000-0",
                    List.of(new UploadedIoc("IPV4", "203.0.113.9", "h", List.of("u1"))),
                    null);

    @TempDir Path base;
    private UploadLedger ledger;

    @AfterEach
    void close() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void remembersAppliedStatesOfOwnedPartitionsOnly() {
        ledger = UploadLedger.open(base, "sink-a");
        ledger.restoring(0);

        ledger.apply(List.of(new StateUpdate(0, "ind-1", HELD), new StateUpdate(1, "ind-2", HELD)));

        assertThat(ledger.get(0, "ind-1")).isEqualTo(HELD);
        assertThat(ledger.get(1, "ind-2")).isEqualTo(IndicatorState.NONE);
        assertThat(ledger.get(0, "ind-2")).isEqualTo(IndicatorState.NONE);
    }

    @Test
    void restoresValuesAndTombstonesAsReadFromTheStateTopic() {
        ledger = UploadLedger.open(base, "sink-a");
        ledger.restoring(3);
        byte[] value = StateCodec.encode(HELD);

        ledger.restore(3, List.of("ind-1", "ind-2"), List.of(value, value));
        ledger.restore(3, List.of("ind-2"), Collections.singletonList(null));

        assertThat(ledger.get(3, "ind-1")).isEqualTo(HELD);
        assertThat(ledger.get(3, "ind-2")).isEqualTo(IndicatorState.NONE);
    }

    @Test
    void forgetsADroppedPartitionAndARestoredOneStartsEmpty() {
        ledger = UploadLedger.open(base, "sink-a");
        ledger.restoring(0);
        ledger.restoring(1);
        ledger.apply(List.of(new StateUpdate(0, "ind-1", HELD), new StateUpdate(1, "ind-2", HELD)));

        ledger.drop(0);
        ledger.restoring(0);

        assertThat(ledger.get(0, "ind-1")).isEqualTo(IndicatorState.NONE);
        assertThat(ledger.get(1, "ind-2")).isEqualTo(HELD);
    }

    @Test
    void deletesItsDirectoryOnCloseAndTheLeftoversOfAKilledInstanceOnOpen() throws Exception {
        Path leftover = Files.createDirectories(base.resolve("sink-a-dead"));
        Files.writeString(leftover.resolve("owner.lock"), "", StandardCharsets.UTF_8);
        Path other = Files.createDirectories(base.resolve("sink-b-alive"));

        ledger = UploadLedger.open(base, "sink-a");

        assertThat(leftover).doesNotExist();
        assertThat(other).exists();
        ledger.close();
        ledger = null;
        try (var children = Files.list(base)) {
            assertThat(children).containsExactly(other);
        }
    }

    @Test
    void leavesTheDirectoryOfALiveInstanceOfTheSameNameAlone() throws Exception {
        UploadLedger live = UploadLedger.open(base, "sink-a");
        live.restoring(0);
        live.apply(List.of(new StateUpdate(0, "ind-1", HELD)));

        ledger = UploadLedger.open(base, "sink-a");

        try (var children = Files.list(base)) {
            assertThat(children).hasSize(2);
        }
        assertThat(live.get(0, "ind-1")).isEqualTo(HELD);
        live.close();
    }
}
