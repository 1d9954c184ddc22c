package io.ctipipe.emulator.opencti;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.ctipipe.emulator.opencti.internals.Stix;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream message: the SSE event name, its id ({@code <ms>-<seq>}, or null before the emulator
 * assigned one) and the data line exactly as sent. Recorded as JSON lines {@code
 * {"event":...,"id":...,"data":{...}}}, the format {@code --events FILE} replays.
 */
public record StreamMessage(String event, String id, String data) {

    /** A message to append; the emulator assigns the id. */
    public static StreamMessage of(String event, String data) {
        return new StreamMessage(event, null, data);
    }

    /** Reads JSON lines; {@code data} may be a JSON object or a string holding one. */
    public static List<StreamMessage> readJsonLines(Path file) {
        try {
            List<StreamMessage> messages = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    messages.add(fromJson(Stix.parse(line)));
                }
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read events file " + file, e);
        }
    }

    public static void writeJsonLines(List<StreamMessage> messages, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (StreamMessage message : messages) {
                out.write(message.toJsonLine());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events file " + file, e);
        }
    }

    /** The message as one JSON line, with the data embedded byte for byte. */
    public String toJsonLine() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("event", event);
            json.writeStringField("id", id);
            json.writeFieldName("data");
            json.writeRawValue(data);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static StreamMessage fromJson(JsonNode line) {
        JsonNode data = line.path("data");
        String text = data.isTextual() ? data.asText() : Stix.write(data);
        String id = line.path("id").isTextual() ? line.path("id").asText() : null;
        return new StreamMessage(line.path("event").asText("create"), id, text);
    }
}
