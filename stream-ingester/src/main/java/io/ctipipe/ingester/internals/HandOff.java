package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.stream.StreamPosition;
import java.util.List;

/** What the stream reader hands to the Kafka writer: only ever complete id groups. */
public sealed interface HandOff {
    StreamPosition position();

    /** Every message that carried one id; the position may be stored once they are written. */
    record Group(StreamPosition position, List<StreamEvent> events) implements HandOff {
        public Group {
            events = List.copyOf(events);
        }
    }

    /** A heartbeat moved the position while nothing was pending. */
    record Advance(StreamPosition position) implements HandOff {}
}
