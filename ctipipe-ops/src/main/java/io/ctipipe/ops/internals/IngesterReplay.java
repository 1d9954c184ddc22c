package io.ctipipe.ops.internals;

import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.contracts.stream.StreamPosition;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the ingester's stored position so that it re-reads the OpenCTI stream from there at its
 * next start. Refused while the ingester looks alive (its own last state write is younger than the
 * alive window): a running ingester keeps its position in memory and would overwrite the new one
 * with its next commit. The recover date of the old state, if any, is kept.
 */
public final class IngesterReplay {
    private static final Logger log = LoggerFactory.getLogger(IngesterReplay.class);

    private final IngesterPositionStore store;
    private final Clock clock;
    private final PrintWriter out;

    public IngesterReplay(IngesterPositionStore store, Clock clock, PrintWriter out) {
        this.store = store;
        this.clock = clock;
        this.out = out;
    }

    /** Options of one rewind; {@code producerConfig} is used only with execute. */
    public record Request(
            String streamId,
            String topic,
            StreamPosition target,
            Duration aliveWithin,
            boolean execute,
            boolean force,
            Map<String, Object> producerConfig) {}

    public void run(Request request) {
        Optional<IngesterPositionStore.Stored> stored = store.read();
        Instant now = clock.instant();
        out.printf(
                "%s of the ingester: stream %s, state topic %s%n",
                request.execute() ? "Replay" : "Dry run", request.streamId(), request.topic());
        out.printf("position %s -> %s%n", shown(stored), shown(request.target()));
        Optional<Duration> age = aliveAge(stored, now, request.aliveWithin());
        age.ifPresent(a -> checkAlive(request, a));
        if (!request.execute()) {
            out.println("Nothing changed (dry run): add --execute to apply.");
            out.flush();
            return;
        }
        write(request, stored, now);
    }

    private void write(
            Request request, Optional<IngesterPositionStore.Stored> stored, Instant now) {
        Instant recoverUntil = stored.map(s -> s.state().recoverUntil()).orElse(null);
        IngesterState state = new IngesterState(request.target().toString(), now, recoverUntil);
        store.write(state, request.producerConfig());
        log.info(
                "Rewrote the ingester position streamId={} position={}",
                request.streamId(),
                request.target());
        out.printf(
                "Stored position %s: the ingester re-reads the stream from there at its next"
                        + " start.%n",
                request.target());
        out.flush();
    }

    /** How old the ingester's own last write is, when it is recent enough to look alive. */
    static Optional<Duration> aliveAge(
            Optional<IngesterPositionStore.Stored> stored, Instant now, Duration window) {
        if (stored.isEmpty()
                || stored.get().rewound()
                || stored.get().state().updatedAt() == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(stored.get().state().updatedAt(), now);
        return age.compareTo(window) < 0 ? Optional.of(age) : Optional.empty();
    }

    private void checkAlive(Request request, Duration age) {
        String why =
                "the ingester wrote its state "
                        + Math.max(0, age.toSeconds())
                        + " s ago, so it looks alive; a running ingester would overwrite the new"
                        + " position. Stop it and wait "
                        + request.aliveWithin().toSeconds()
                        + " s, or pass --force";
        if (request.force()) {
            out.println("Warning: " + why.replace(", or pass --force", "") + " (--force given).");
        } else if (request.execute()) {
            throw new IllegalStateException("refused: " + why + "; nothing was changed");
        } else {
            out.println("Warning: " + why + ".");
        }
    }

    private static String shown(Optional<IngesterPositionStore.Stored> stored) {
        if (stored.isEmpty()) {
            return "(none stored)";
        }
        return shown(stored.get().state().streamPosition());
    }

    private static String shown(StreamPosition position) {
        return position + " (" + TimeText.shown(position.time()) + ")";
    }
}
