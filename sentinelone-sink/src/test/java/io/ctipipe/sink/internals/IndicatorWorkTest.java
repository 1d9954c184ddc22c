package io.ctipipe.sink.internals;

import static io.ctipipe.sink.internals.Fixtures.held;
import static io.ctipipe.sink.internals.Fixtures.ioc;
import static io.ctipipe.sink.internals.Fixtures.renamed;
import static io.ctipipe.sink.internals.Fixtures.uploaded;
import static io.ctipipe.sink.internals.Fixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.Ioc;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorWorkTest {
    private final Ioc dns = ioc("DNS", "evil.example", "indicator--1");
    private final Ioc ip = ioc("IPV4", "203.0.113.7", "indicator--1");
    private final Ioc changed = renamed(dns, "renamed");
    private final IndicatorState before = held("10-0", uploaded(dns, "old"));
    private final CallResult<Object> failed =
            new CallResult<>(
                    null,
                    new ApiException("POST /iocs", 503, "busy", null),
                    FailureClass.RETRIABLE,
                    3,
                    Instant.EPOCH,
                    Instant.EPOCH,
                    false);

    private IndicatorWork changeOf(Ioc... iocs) {
        return new Planner(false).plan(upsert("a", "11-0", iocs), before).get();
    }

    @Test
    void deletesTheOldCopyWhenTheUpdateGotANewUuid() {
        IndicatorWork work = changeOf(changed);

        work.accepted(changed, List.of("new"), false);

        assertThat(work.uuidsToDelete()).containsExactly("old");
        assertThat(work.finalState().iocs()).containsExactly(uploaded(changed, "new"));
    }

    @Test
    void deletesNothingWhenTheUpdateKeptTheUuid() {
        IndicatorWork work = changeOf(changed);

        work.accepted(changed, List.of("old"), false);

        assertThat(work.uuidsToDelete()).isEmpty();
        assertThat(work.finalState().iocs()).containsExactly(uploaded(changed, "old"));
    }

    @Test
    void keepsTheOldVersionAndTheEventIdWhenAnIocIsRejected() {
        IndicatorWork work = changeOf(changed, ip);

        work.rejected(changed, failed);
        work.accepted(ip, List.of("u-ip"), false);

        assertThat(work.finalState().iocs())
                .containsExactlyInAnyOrder(uploaded(dns, "old"), uploaded(ip, "u-ip"));
        assertThat(work.finalState().eventId()).isEqualTo("10-0");
        assertThat(work.deadLetter().get().rejectedIocs()).containsExactly("DNS:evil.example");
        assertThat(work.deadLetter().get().errorClass()).isEqualTo("rejected");
    }

    @Test
    void keepsTheMarkerAndDeletesNothingWhenTheUploadIsExhausted() {
        IndicatorWork work = changeOf(ip);
        IndicatorState marked = work.markedState(Instant.EPOCH);

        work.exhausted(failed);

        assertThat(work.uuidsToDelete()).isEmpty();
        assertThat(work.finalState().pending()).isEqualTo(marked.pending());
        assertThat(work.finalState().iocs()).containsExactly(uploaded(dns, "old"));
        assertThat(work.deadLetter().get().errorClass()).isEqualTo("exhausted");
    }

    @Test
    void keepsUndeletedUuidsWithAnUnknownHash() {
        IndicatorWork work = changeOf(changed);
        work.accepted(changed, List.of("new"), false);

        work.deleteFailed(List.of("old"), failed);

        UploadedIoc kept = work.finalState().iocs().get(0);
        assertThat(kept.uuids()).containsExactly("new", "old");
        assertThat(kept.hash()).isEqualTo(UploadedIoc.UNKNOWN_HASH);
        assertThat(work.finalState().eventId()).isEqualTo("10-0");
    }

    @Test
    void deletesCopiesFoundAfterAnAmbiguousUpload() {
        IndicatorWork work = changeOf(changed);
        work.accepted(changed, List.of("new"), true);

        work.found("DNS:evil.example", List.of("old", "new", "twin"));

        assertThat(work.ambiguous()).isTrue();
        assertThat(work.uuidsToDelete()).containsExactlyInAnyOrder("old", "twin");
    }
}
