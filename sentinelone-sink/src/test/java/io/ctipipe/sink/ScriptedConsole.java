package io.ctipipe.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that plays scripted answers first, then behaves like a console that
 * accepts everything (a POST gets its items back with fresh uuids). Records every request.
 */
final class ScriptedConsole extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Queue<MockResponse> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private volatile MockResponse always;

    /** A request as the console saw it. */
    record Received(String method, Instant at, String body) {}

    ScriptedConsole then(int times, MockResponse response) {
        for (int i = 0; i < times; i++) {
            script.add(response);
        }
        return this;
    }

    ScriptedConsole always(MockResponse response) {
        always = response;
        return this;
    }

    static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    List<Received> received(String method) {
        synchronized (received) {
            return received.stream().filter(r -> r.method().equals(method)).toList();
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        received.add(new Received(request.getMethod(), Instant.now(), body));
        MockResponse scripted = script.poll();
        if (scripted != null) {
            return scripted;
        }
        if (always != null) {
            return always;
        }
        return accept(request.getMethod(), body);
    }

    private static MockResponse accept(String method, String body) {
        ObjectNode answer = JSON.createObjectNode();
        switch (method) {
            case "POST" -> answer.set("data", created(read(body).path("data")));
            case "DELETE" ->
                    answer.putObject("data")
                            .put("affected", read(body).path("filter").path("uuids").size());
            default -> {
                answer.putArray("data");
                answer.putObject("pagination").putNull("nextCursor").put("totalItems", 0);
            }
        }
        return status(200, answer.toString());
    }

    private static ArrayNode created(JsonNode items) {
        ArrayNode created = JSON.createArrayNode();
        for (JsonNode item : items) {
            ObjectNode copy = item.deepCopy();
            copy.put("uuid", UUID.randomUUID().toString().replace("-", ""));
            created.add(copy);
        }
        return created;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
