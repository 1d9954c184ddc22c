package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code DELETE /iocs} with a JSON body {@code {"filter":{...}}}: {@code uuids} and/or {@code
 * value}, narrowed by {@code accountIds} when given. A filter with neither uuids nor value is a 400
 * (the emulator refuses to delete everything). Answers {@code {"data":{"affected":N}}}.
 */
public final class DeleteAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IocStore store;

    public DeleteAction(IocStore store) {
        this.store = store;
    }

    public ApiResponse handle(JsonNode request) {
        JsonNode filter = request.get("filter");
        List<String> uuids = Scope.ids(filter, "uuids");
        JsonNode value = filter == null ? null : filter.get("value");
        boolean hasValue = value != null && value.isTextual();
        if (uuids.isEmpty() && !hasValue) {
            String detail = "filter: one of uuids or value is required.";
            return ApiResponse.of(400, ErrorBodies.validation(detail));
        }
        Predicate<JsonNode> match =
                Matchers.anyOf("uuid", uuids)
                        .and(
                                Matchers.anyOf(
                                        "value", hasValue ? List.of(value.asText()) : List.of()))
                        .and(Matchers.anyOf("scopeId", Scope.ids(filter, "accountIds")));
        ObjectNode body = JSON.createObjectNode();
        body.putObject("data").put("affected", store.delete(match));
        return ApiResponse.of(200, body);
    }
}
