package io.ctipipe.ingester.internals;

import java.nio.charset.StandardCharsets;

/**
 * One dispatched server-sent event.
 *
 * @param event the {@code event:} name, {@code message} when none was given
 * @param id the last event id in force ({@code id:} of this message or an earlier one), or empty
 * @param data the data lines joined by LF, exactly the bytes received
 */
public record SseMessage(String event, String id, byte[] data) {

    public String dataUtf8() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
