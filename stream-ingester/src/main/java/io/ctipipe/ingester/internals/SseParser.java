package io.ctipipe.ingester.internals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A server-sent events parser that follows the WHATWG specification to the byte: lines end only at
 * CR, LF or CRLF (so U+2028 and U+2029 inside JSON pass through), a blank line dispatches, {@code
 * data} lines join with LF, comments and unknown fields are ignored, {@code id} persists across
 * messages, a leading BOM is skipped, and a message cut off by the end of the stream is discarded.
 * Data is kept as the bytes received, never decoded and re-encoded.
 */
public final class SseParser {
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final InputStream in;
    private final int maxMessageBytes;
    private final byte[] buffer = new byte[16 * 1024];
    private final ByteArray line = new ByteArray();
    private final ByteArray data = new ByteArray();
    private int position;
    private int limit;
    private long bytesRead;
    private boolean afterCr;
    private boolean started;
    private String eventType = "";
    private String lastEventId = "";

    public SseParser(InputStream in, int maxMessageBytes) {
        this.in = in;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The next message, or null at the end of the stream (a partial message is dropped). */
    public SseMessage next() throws IOException {
        while (readLine()) {
            SseMessage message = processLine();
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    /** Bytes read from the stream so far. */
    public long bytesRead() {
        return bytesRead;
    }

    private boolean readLine() throws IOException {
        line.clear();
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            if (afterCr) {
                afterCr = false;
                if (buffer[position] == LF) {
                    position++;
                    continue;
                }
            }
            int end = position;
            while (end < limit && buffer[end] != CR && buffer[end] != LF) {
                end++;
            }
            line.append(buffer, position, end - position);
            if (line.size() + data.size() > maxMessageBytes) {
                throw new SseMessageTooLargeException(maxMessageBytes);
            }
            if (end < limit) {
                afterCr = buffer[end] == CR;
                position = end + 1;
                return true;
            }
            position = limit;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        bytesRead += read;
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        return true;
    }

    private void skipByteOrderMark() {
        boolean bom =
                limit >= 3
                        && (buffer[0] & 0xff) == 0xEF
                        && (buffer[1] & 0xff) == 0xBB
                        && (buffer[2] & 0xff) == 0xBF;
        position = bom ? 3 : 0;
    }

    private SseMessage processLine() {
        if (line.size() == 0) {
            return dispatch();
        }
        if (line.at(0) == ':') {
            return null;
        }
        int colon = line.indexOf((byte) ':');
        int nameEnd = colon < 0 ? line.size() : colon;
        int valueStart = colon < 0 ? line.size() : colon + 1;
        if (valueStart < line.size() && line.at(valueStart) == ' ') {
            valueStart++;
        }
        field(line.text(0, nameEnd), valueStart);
        return null;
    }

    private void field(String name, int valueStart) {
        switch (name) {
            case "data" -> {
                data.append(line, valueStart);
                data.append((byte) LF);
            }
            case "event" -> eventType = line.text(valueStart, line.size());
            case "id" -> {
                if (line.indexOf((byte) 0) < 0) {
                    lastEventId = line.text(valueStart, line.size());
                }
            }
            default -> {
                // retry and unknown fields: OpenCTI sends none, and reconnect timing is ours.
            }
        }
    }

    private SseMessage dispatch() {
        if (data.size() == 0) {
            eventType = "";
            return null;
        }
        byte[] payload = data.copy(data.size() - 1);
        String type = eventType.isEmpty() ? "message" : eventType;
        data.clear();
        eventType = "";
        return new SseMessage(type, lastEventId, payload);
    }

    /** A growable byte array, to avoid a copy per byte. */
    private static final class ByteArray {
        private byte[] bytes = new byte[256];
        private int size;

        void append(byte b) {
            ensure(size + 1);
            bytes[size++] = b;
        }

        void append(byte[] source, int from, int length) {
            ensure(size + length);
            System.arraycopy(source, from, bytes, size, length);
            size += length;
        }

        void append(ByteArray other, int from) {
            int length = other.size - from;
            ensure(size + length);
            System.arraycopy(other.bytes, from, bytes, size, length);
            size += length;
        }

        int size() {
            return size;
        }

        byte at(int index) {
            return bytes[index];
        }

        int indexOf(byte value) {
            for (int i = 0; i < size; i++) {
                if (bytes[i] == value) {
                    return i;
                }
            }
            return -1;
        }

        String text(int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        byte[] copy(int length) {
            return Arrays.copyOf(bytes, length);
        }

        void clear() {
            size = 0;
        }

        private void ensure(int capacity) {
            if (capacity > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
            }
        }
    }
}
