package io.ctipipe.ingester.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.stream.StreamPosition;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupAssemblerTest {
    private final GroupAssembler assembler =
            new GroupAssembler(StreamPosition.parse("100-0"), Duration.ofMillis(50));

    private static StreamEvent event(String id, String name) {
        return new StreamEvent(name, StreamPosition.parse(id), null, new byte[0]);
    }

    private static StreamPosition id(String text) {
        return StreamPosition.parse(text);
    }

    @Test
    void holdsAGroupUntilAGreaterIdArrives() {
        assertThat(assembler.onEvent(event("200-0", "identity"))).isEmpty();
        assertThat(assembler.onEvent(event("200-0", "indicator"))).isEmpty();

        Optional<HandOff> completed = assembler.onEvent(event("300-0", "next"));

        assertThat(completed).containsInstanceOf(HandOff.Group.class);
        HandOff.Group group = (HandOff.Group) completed.orElseThrow();
        assertThat(group.position()).isEqualTo(id("200-0"));
        assertThat(group.events())
                .extracting(StreamEvent::event)
                .containsExactly("identity", "indicator");
        assertThat(assembler.position()).isEqualTo(id("200-0"));
    }

    @Test
    void aHeartbeatWithTheGroupsOwnIdDoesNotCompleteIt() {
        assembler.onEvent(event("200-0", "identity"));

        assertThat(assembler.onHeartbeat(id("200-0"))).isEmpty();
        assertThat(assembler.position()).isEqualTo(id("100-0"));
        assertThat(assembler.onHeartbeat(id("200-1"))).containsInstanceOf(HandOff.Group.class);
        assertThat(assembler.position()).isEqualTo(id("200-0"));
    }

    @Test
    void dropsTheOpenGroupWhenTheConnectionBreaks() {
        assembler.onEvent(event("200-0", "identity"));

        assembler.discardOpenGroup();

        assertThat(assembler.hasOpenGroup()).isFalse();
        assertThat(assembler.onHeartbeat(id("300-0"))).containsInstanceOf(HandOff.Advance.class);
    }

    @Test
    void heartbeatsAdvanceByTheirIdMinusTheSkewMarginOnlyWhenNothingIsOpen() {
        Optional<HandOff> advanced = assembler.onHeartbeat(id("1000-3"));
        Optional<HandOff> behind = assembler.onHeartbeat(id("990-0"));

        assertThat(advanced).contains(new HandOff.Advance(id("950-0")));
        assertThat(behind).isEmpty();
        assertThat(assembler.position()).isEqualTo(id("950-0"));
    }

    @Test
    void neverMovesThePositionBackBelowTheLastEntry() {
        assembler.onEvent(event("500-0", "a"));
        assembler.onHeartbeat(id("510-0"));

        assertThat(assembler.onHeartbeat(id("520-0"))).isEmpty();
        assertThat(assembler.position()).isEqualTo(id("500-0"));
    }

    @Test
    void dropsRepeatsAtOrBelowTheResumePositionAfterAReconnect() {
        assembler.onEvent(event("200-0", "a"));
        assembler.onEvent(event("300-0", "b"));
        assembler.connected();

        assertThat(assembler.onEvent(event("200-0", "a"))).isEmpty();
        assertThat(assembler.hasOpenGroup()).isFalse();
        assembler.onEvent(event("300-0", "b"));
        assertThat(assembler.hasOpenGroup()).isTrue();
    }
}
