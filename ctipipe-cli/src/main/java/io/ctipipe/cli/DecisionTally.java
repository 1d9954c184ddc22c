package io.ctipipe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Passes {@code ctipipe map}'s JSON lines through unchanged and counts them by action and by
 * distinct Indicator, for the summary line the command prints on stderr when it is done. Each line
 * is one decision: an Indicator seen in several events gets several.
 */
final class DecisionTally extends OutputStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int upserts;
    private int deletes;
    private int skips;
    private final Set<String> indicators = new HashSet<>();

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
     * One line: {@code N decisions for I Indicators: U upsert, D delete, S skip}, prefixed when
     * input was empty.
     */
    String summary(boolean emptyInput) {
        int total = upserts + deletes + skips;
        return (emptyInput ? "empty input, " : "")
                + total
                + (total == 1 ? " decision for " : " decisions for ")
                + indicators.size()
                + (indicators.size() == 1 ? " Indicator: " : " Indicators: ")
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
        count(decision(line.toByteArray()));
        line.reset();
    }

    private void count(JsonNode decision) {
        switch (decision.path("action").asText("")) {
            case "upsert" -> upserts++;
            case "delete" -> deletes++;
            case "skip" -> skips++;
            default -> {
                // Not a decision line; nothing to count.
                return;
            }
        }
        indicators.add(decision.path("indicator").asText(""));
    }

    private static JsonNode decision(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
