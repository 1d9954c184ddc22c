package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.ctipipe.emulator.opencti.RegisteredConnector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Just enough of {@code POST /graphql} for a stream connector: {@code registerConnector}, {@code
 * pingConnector} (storing the state) and the {@code streamCollection} query. The operation is
 * recognised by name in the query text; variables carry the inputs.
 */
public final class GraphqlHandler implements HttpHandler {
    private static final String AUTH_REQUIRED =
            "{\"errors\":[{\"message\":\"You must be logged in to do this.\","
                    + "\"extensions\":{\"code\":\"AUTH_REQUIRED\"}}]}";

    private final ConnectorRegistry registry;
    private final FaultState faults;
    private final String streamId;
    private final String token;
    private final BooleanSupplier stopped;

    public GraphqlHandler(
            ConnectorRegistry registry,
            FaultState faults,
            String streamId,
            String token,
            BooleanSupplier stopped) {
        this.registry = registry;
        this.faults = faults;
        this.streamId = streamId;
        this.token = token;
        this.stopped = stopped;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        JsonNode request = readBody(exchange);
        int status = faults.rejectionStatus();
        if (faults.graphqlFailing() || status != 0) {
            HttpReplies.rejected(exchange, status != 0 ? status : 500);
            return;
        }
        if (!HttpReplies.authorized(exchange, token)) {
            HttpReplies.json(exchange, 200, AUTH_REQUIRED);
            return;
        }
        HttpReplies.json(exchange, 200, Stix.write(answer(request)));
    }

    private ObjectNode answer(JsonNode request) {
        String query = request.path("query").asText("");
        JsonNode variables = request.path("variables");
        if (query.contains("registerConnector")) {
            return data("registerConnector", register(variables.path("input")));
        }
        if (query.contains("pingConnector")) {
            return ping(variables);
        }
        if (query.contains("streamCollection")) {
            return data("streamCollection", collection(variables.path("id").asText("")));
        }
        return error("Unsupported operation in the emulator");
    }

    private JsonNode register(JsonNode input) {
        List<String> scope = new ArrayList<>();
        if (input.path("scope").isArray()) {
            input.path("scope").forEach(item -> scope.add(item.asText()));
        } else if (!input.path("scope").asText("").isEmpty()) {
            scope.add(input.path("scope").asText());
        }
        RegisteredConnector connector =
                registry.register(
                        input.path("id").asText(),
                        input.path("name").asText(),
                        input.path("type").asText(),
                        scope);
        return connectorNode(connector);
    }

    private ObjectNode ping(JsonNode variables) {
        String state = variables.path("state").isNull() ? null : variables.path("state").asText();
        return registry.ping(variables.path("id").asText(), state)
                .map(connector -> data("pingConnector", connectorNode(connector)))
                .orElseGet(() -> error("No connector found with the specified ID"));
    }

    private JsonNode collection(String id) {
        if (!id.equals(streamId)) {
            return Stix.JSON.nullNode();
        }
        ObjectNode node = Stix.object();
        node.put("id", streamId);
        node.put("name", "ctipipe emulated stream");
        node.put("description", "Indicators served by the OpenCTI emulator");
        node.put("stream_live", !stopped.getAsBoolean());
        node.put("stream_public", false);
        return node;
    }

    private static ObjectNode connectorNode(RegisteredConnector connector) {
        ObjectNode node = Stix.object();
        node.put("id", connector.id());
        node.put("name", connector.name());
        node.put("connector_type", connector.type());
        node.put("connector_state", connector.state());
        node.put("active", true);
        return node;
    }

    private static ObjectNode data(String field, JsonNode value) {
        ObjectNode root = Stix.object();
        root.putObject("data").set(field, value);
        return root;
    }

    private static ObjectNode error(String message) {
        ObjectNode root = Stix.object();
        root.putArray("errors").addObject().put("message", message);
        return root;
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isBlank() ? Stix.object() : Stix.parse(text);
        } catch (RuntimeException e) {
            return Stix.object();
        }
    }
}
