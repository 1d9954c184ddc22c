package io.ctipipe.emulator.opencti.internals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes messages as the platform does: {@code id:}, {@code event:}, one {@code data:} line, a
 * blank line, LF endings, flushed per message. No {@code retry:} and no comments.
 */
final class SseWriter {
    private final OutputStream out;

    SseWriter(OutputStream out) {
        this.out = out;
    }

    void connected(String data) throws IOException {
        write("event: connected\ndata: " + data + "\n\n");
    }

    void message(StreamId id, String event, String data) throws IOException {
        write(frame(id, event, data));
    }

    void heartbeat(StreamId id) throws IOException {
        write(frame(id, "heartbeat", "\"" + Stix.iso(id.time()) + "\""));
    }

    /** The first half of a message, flushed, for a connection about to be cut. */
    void partial(StreamId id, String event, String data) throws IOException {
        String frame = frame(id, event, data);
        write(frame.substring(0, Math.max(1, frame.length() / 2)));
    }

    private static String frame(StreamId id, String event, String data) {
        return "id: " + id + "\nevent: " + event + "\ndata: " + data + "\n\n";
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
