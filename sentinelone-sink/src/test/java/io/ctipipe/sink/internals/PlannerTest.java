package io.ctipipe.sink.internals;

import static io.ctipipe.sink.internals.Fixtures.delete;
import static io.ctipipe.sink.internals.Fixtures.held;
import static io.ctipipe.sink.internals.Fixtures.ioc;
import static io.ctipipe.sink.internals.Fixtures.renamed;
import static io.ctipipe.sink.internals.Fixtures.uploaded;
import static io.ctipipe.sink.internals.Fixtures.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.Ioc;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final Planner planner = new Planner(false);
    private final Ioc dns = ioc("DNS", "evil.example", "indicator--1");
    private final Ioc ip = ioc("IPV4", "203.0.113.7", "indicator--1");

    @Test
    void uploadsEveryIocOfANewIndicator() {
        IndicatorWork work = planner.plan(upsert("a", "10-0", dns, ip), IndicatorState.NONE).get();

        assertThat(work.upload()).containsExactly(dns, ip);
        assertThat(work.uuidsToDelete()).isEmpty();
    }

    @Test
    void sendsNothingForAnUnchangedIoc() {
        IndicatorState state = held("10-0", uploaded(dns, "u1"));

        IndicatorWork work = planner.plan(upsert("a", "11-0", dns), state).get();

        assertThat(work.upload()).isEmpty();
        assertThat(work.uuidsToDelete()).isEmpty();
        assertThat(work.finalState().iocs()).containsExactly(uploaded(dns, "u1"));
        assertThat(work.finalState().eventId()).isEqualTo("11-0");
    }

    @Test
    void uploadsAChangedIocAndDeletesTheRemovedOne() {
        IndicatorState state = held("10-0", uploaded(dns, "u1"), uploaded(ip, "u2"));
        Ioc changed = renamed(dns, "new name");

        IndicatorWork work = planner.plan(upsert("a", "11-0", changed), state).get();

        assertThat(work.upload()).containsExactly(changed);
        assertThat(work.uuidsToDelete()).containsExactly("u2");
    }

    @Test
    void deletesEveryHeldIocForADeleteCommand() {
        IndicatorState state = held("10-0", uploaded(dns, "u1", "u3"), uploaded(ip, "u2"));

        IndicatorWork work = planner.plan(delete("a", "11-0"), state).get();

        assertThat(work.upload()).isEmpty();
        assertThat(work.uuidsToDelete()).containsExactlyInAnyOrder("u1", "u3", "u2");
        assertThat(work.finalState()).isEqualTo(new IndicatorState("11-0", List.of(), null));
    }

    @Test
    void skipsACommandNotNewerThanTheAppliedOne() {
        IndicatorState state = held("11-0");

        assertThat(planner.plan(upsert("a", "10-0", dns), state)).isEmpty();
        assertThat(planner.plan(upsert("a", "11-0", dns), state)).isEmpty();
    }

    @Test
    void resendUploadsEvenUnchangedAndOlderCommands() {
        IndicatorState state = held("11-0", uploaded(dns, "u1"));

        IndicatorWork work = new Planner(true).plan(upsert("a", "10-0", dns), state).get();

        assertThat(work.upload()).containsExactly(dns);
    }

    @Test
    void uploadsAnIocWhoseHashIsUnknown() {
        UploadedIoc found = new UploadedIoc("DNS", "evil.example", "", List.of("u1", "u9"));

        IndicatorWork work = planner.plan(upsert("a", "11-0", dns), held("10-0", found)).get();

        assertThat(work.upload()).containsExactly(dns);
    }
}
