package io.ctipipe.ingester.internals;

import java.io.IOException;

/** A message grew past the configured limit; the connection cannot go on. */
public final class SseMessageTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public SseMessageTooLargeException(int limit) {
        super(
                "an SSE message exceeds "
                        + limit
                        + " bytes; raise INGESTER_MAX_EVENT_BYTES (and the topic's"
                        + " max.message.bytes) to accept it");
    }
}
