package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.stream.StreamPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the shared-id rule. The platform sends an entry's dependencies first with the entry's own
 * id, and a heartbeat may fall in between carrying that same id; so the messages of an id are held
 * until a message or heartbeat with a strictly greater id proves the group complete. Only complete
 * groups leave, and the position is always the last complete id: resuming from it (exclusive)
 * neither skips nor repeats anything. A heartbeat moves the position only when no group is open,
 * and then by its id minus a clock-skew margin (heartbeat ids come from the platform node's clock,
 * entry ids from Redis's), never below the last entry id.
 */
public final class GroupAssembler {
    private final long skewMarginMillis;
    private StreamPosition position;
    private StreamPosition floor;
    private StreamPosition openId;
    private List<StreamEvent> open = new ArrayList<>();

    public GroupAssembler(StreamPosition start, Duration skewMargin) {
        this.position = start;
        this.floor = start;
        this.skewMarginMillis = skewMargin.toMillis();
    }

    /** The last complete position: where a reconnect resumes. */
    public StreamPosition position() {
        return position;
    }

    /** Messages at or below this id are repeats of what was already handed over. */
    public StreamPosition floor() {
        return floor;
    }

    /** A new connection resumes from the position; nothing at or below it is accepted again. */
    public void connected() {
        floor = position;
        discardOpenGroup();
    }

    /** The connection broke: the open group is incomplete and will be sent again. */
    public void discardOpenGroup() {
        openId = null;
        open = new ArrayList<>();
    }

    /**
     * Adds a message; returns the group it completes, if any. Messages at or below the resume
     * position (recover mode repeats the boundary id) are dropped and reported as empty.
     */
    public Optional<HandOff> onEvent(StreamEvent event) {
        if (!event.id().isAfter(floor)) {
            return Optional.empty();
        }
        Optional<HandOff> completed = Optional.empty();
        if (openId != null && !event.id().equals(openId)) {
            completed = Optional.of(close());
        }
        if (openId == null) {
            openId = event.id();
        }
        open.add(event);
        return completed;
    }

    public Optional<HandOff> onHeartbeat(StreamPosition heartbeat) {
        if (openId != null) {
            return heartbeat.isAfter(openId) ? Optional.of(close()) : Optional.empty();
        }
        long millis = Math.max(0, heartbeat.millis() - skewMarginMillis);
        StreamPosition candidate =
                new StreamPosition(millis, millis == heartbeat.millis() ? heartbeat.sequence() : 0);
        if (!candidate.isAfter(position)) {
            return Optional.empty();
        }
        position = candidate;
        return Optional.of(new HandOff.Advance(candidate));
    }

    /** True while an incomplete group is held. */
    public boolean hasOpenGroup() {
        return openId != null;
    }

    private HandOff close() {
        HandOff.Group group = new HandOff.Group(openId, open);
        if (openId.isAfter(position)) {
            position = openId;
        }
        discardOpenGroup();
        return group;
    }
}
