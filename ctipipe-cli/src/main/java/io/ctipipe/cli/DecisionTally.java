package io.ctipipe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes {@code ctipipe map}'s JSON lines through unchanged and counts them by action, for the
 * summary line the command prints on stderr when it is done.
 */
final class DecisionTally extends OutputStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int upserts;
    private int deletes;
    private int skips;

    DecisionTally(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
        take((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        target.write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            take(bytes[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    /**
     * One line: {@code N Indicators: U upsert, D delete, S skip}, prefixed when input was empty.
     */
    String summary(boolean emptyInput) {
        int total = upserts + deletes + skips;
        return (emptyInput ? "empty input, " : "")
                + total
                + (total == 1 ? " Indicator: " : " Indicators: ")
                + upserts
                + " upsert, "
                + deletes
                + " delete, "
                + skips
                + " skip";
    }

    private void take(byte b) {
        if (b != '\n') {
            line.write(b);
            return;
        }
        count(action(line.toByteArray()));
        line.reset();
    }

    private void count(String action) {
        switch (action) {
            case "upsert" -> upserts++;
            case "delete" -> deletes++;
            case "skip" -> skips++;
            default -> {
                // Not a decision line; nothing to count.
            }
        }
    }

    private static String action(byte[] json) {
        try {
            return JSON.readTree(json).path("action").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
