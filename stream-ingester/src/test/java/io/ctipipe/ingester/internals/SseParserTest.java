package io.ctipipe.ingester.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseMessage> parse(String text) throws IOException {
        return parse(text.getBytes(StandardCharsets.UTF_8), 1 << 20, false);
    }

    private static List<SseMessage> parse(byte[] bytes, int limit, boolean byteByByte)
            throws IOException {
        InputStream in = byteByByte ? new TrickleStream(bytes) : new ByteArrayInputStream(bytes);
        SseParser parser = new SseParser(in, limit);
        List<SseMessage> messages = new ArrayList<>();
        SseMessage message;
        while ((message = parser.next()) != null) {
            messages.add(message);
        }
        return messages;
    }

    @Test
    void endsLinesAtLfCrAndCrlfAlike() throws IOException {
        String text =
                "id: 1-0\nevent: create\ndata: a\n\n"
                        + "id: 2-0\revent: update\rdata: b\r\r"
                        + "id: 3-0\r\nevent: delete\r\ndata: c\r\n\r\n";

        List<SseMessage> messages = parse(text);

        assertThat(messages).extracting(SseMessage::id).containsExactly("1-0", "2-0", "3-0");
        assertThat(messages)
                .extracting(SseMessage::event)
                .containsExactly("create", "update", "delete");
        assertThat(messages).extracting(SseMessage::dataUtf8).containsExactly("a", "b", "c");
    }

    @Test
    void treatsACrlfSplitAcrossReadsAsOneLineEnd() throws IOException {
        byte[] bytes = "data: a\r\n\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8);

        List<SseMessage> messages = parse(bytes, 1024, true);

        assertThat(messages).extracting(SseMessage::dataUtf8).containsExactly("a", "b");
    }

    @Test
    void keepsUnicodeLineSeparatorsInsideDataByteForByte() throws IOException {
        String json = "{\"description\":\"one\u2028two\u2029three\u0085four\u000b\u000cfive\"}";
        byte[] bytes =
                ("id: 1-0\nevent: create\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);

        SseMessage message = parse(bytes, 1024, true).get(0);

        assertThat(message.data()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void joinsMultiLineDataWithLf() throws IOException {
        List<SseMessage> messages = parse("data: first\ndata:second\ndata\ndata:  indented\n\n");

        assertThat(messages.get(0).dataUtf8()).isEqualTo("first\nsecond\n\n indented");
    }

    @Test
    void ignoresCommentsUnknownFieldsAndRetry() throws IOException {
        List<SseMessage> messages =
                parse(
                        ": keep-alive\nretry: 3000\nfoo: bar\n"
                                + "event: heartbeat\n:x\nid: 5-0\ndata: \"t\"\n\n");

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).event()).isEqualTo("heartbeat");
        assertThat(messages.get(0).dataUtf8()).isEqualTo("\"t\"");
    }

    @Test
    void keepsTheLastIdAcrossMessagesAndIgnoresIdsWithNul() throws IOException {
        List<SseMessage> messages =
                parse("id: 7-0\ndata: a\n\ndata: b\n\nid: 8\u00000\ndata: c\n\n");

        assertThat(messages).extracting(SseMessage::id).containsExactly("7-0", "7-0", "7-0");
    }

    @Test
    void dispatchesNothingWithoutDataAndDefaultsTheEventName() throws IOException {
        List<SseMessage> messages = parse("event: connected\n\ndata:\n\n");

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).event()).isEqualTo("message");
        assertThat(messages.get(0).data()).isEmpty();
    }

    @Test
    void skipsALeadingByteOrderMark() throws IOException {
        byte[] text = "data: x\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);

        assertThat(parse(bytes, 1024, false)).extracting(SseMessage::dataUtf8).containsExactly("x");
    }

    @Test
    void discardsAMessageCutOffByTheEndOfTheStream() throws IOException {
        List<SseMessage> messages =
                parse("id: 1-0\ndata: complete\n\nid: 2-0\nevent: create\ndata: {\"ha");

        assertThat(messages).extracting(SseMessage::id).containsExactly("1-0");
    }

    @Test
    void readsMultiMegabyteMessages() throws IOException {
        String big = "{\"d\":\"" + "é".repeat(3 * 1024 * 1024) + "\"}";

        List<SseMessage> messages =
                parse(("data: " + big + "\n\n").getBytes(StandardCharsets.UTF_8), 8 << 20, false);

        assertThat(messages.get(0).data()).isEqualTo(big.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAMessageLargerThanTheLimit() {
        byte[] bytes = ("data: " + "x".repeat(2000) + "\n\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse(bytes, 1000, false))
                .isInstanceOf(SseMessageTooLargeException.class)
                .hasMessageContaining("INGESTER_MAX_EVENT_BYTES");
    }

    @Test
    void countsEveryByteRead() throws IOException {
        byte[] bytes = "data: a\n\n: comment\n".getBytes(StandardCharsets.UTF_8);
        SseParser parser = new SseParser(new ByteArrayInputStream(bytes), 1024);

        while (parser.next() != null) {
            // Read to the end.
        }

        assertThat(parser.bytesRead()).isEqualTo(bytes.length);
    }

    /** Hands out one byte per read, to split every line end across reads. */
    private static final class TrickleStream extends InputStream {
        private final byte[] bytes;
        private int position;

        TrickleStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            target[offset] = bytes[position++];
            return 1;
        }
    }
}
