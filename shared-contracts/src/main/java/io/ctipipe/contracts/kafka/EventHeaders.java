package io.ctipipe.contracts.kafka;

/** Headers the ingester puts on every record of the raw events topic. Values are UTF-8 strings. */
public final class EventHeaders {
    /** The SSE {@code event:} name: create, update, delete or merge. */
    public static final String EVENT = "opencti.event";

    /** The SSE {@code id:} of the message, {@code <ms>-<seq>}. */
    public static final String EVENT_ID = "opencti.event.id";

    /** The live stream id the message was read from. */
    public static final String STREAM_ID = "opencti.stream.id";

    private EventHeaders() {}
}
