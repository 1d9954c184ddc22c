package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /iocs}: scope check (no accountIds: 500; another account: 403), batch cap, per-item
 * validation (any bad item: 400 naming every bad item, nothing stored), then 200 with the stored
 * objects.
 */
public final class CreateAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IocStore store;
    private final SentinelOneEmulatorOptions options;
    private final IdSource ids;

    public CreateAction(IocStore store, SentinelOneEmulatorOptions options, IdSource ids) {
        this.store = store;
        this.options = options;
        this.ids = ids;
    }

    public ApiResponse handle(JsonNode request) {
        Optional<Scope> scope = Scope.of(request.get("filter"), options.requireAccountIds());
        if (scope.isEmpty()) {
            return ApiResponse.of(500, ErrorBodies.server());
        }
        if (!ownsScope(scope.get())) {
            return ApiResponse.of(403, ErrorBodies.forbidden("accountIds: not accessible"));
        }
        JsonNode data = request.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            return ApiResponse.of(400, ErrorBodies.validation("data: Missing data."));
        }
        if (data.size() > options.batchCap()) {
            String detail = "data: Length must be between 1 and " + options.batchCap() + ".";
            return ApiResponse.of(400, ErrorBodies.validation(detail));
        }
        return create(data, scope.get());
    }

    private boolean ownsScope(Scope scope) {
        return scope.accountIds().isEmpty() || scope.accountIds().contains(options.accountId());
    }

    private ApiResponse create(JsonNode data, Scope scope) {
        ArrayNode bad = JSON.createArrayNode();
        for (JsonNode item : data) {
            if (IocValidator.problem(item).isPresent()) {
                ObjectNode named = bad.addObject();
                named.set("value", orNull(item.get("value")));
                named.set("type", orNull(item.get("type")));
            }
        }
        if (!bad.isEmpty()) {
            return ApiResponse.of(400, ErrorBodies.validation(rejectionDetail(bad)));
        }
        List<ObjectNode> saved = store.save(prepare(data, scope), options.repeatMode());
        announce(saved);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("data").addAll(saved);
        return ApiResponse.of(200, body);
    }

    private void announce(List<ObjectNode> saved) {
        Instant at = options.clock().instant();
        for (ObjectNode ioc : saved) {
            options.arrivals()
                    .stored(
                            ioc.path("externalId").asText(null),
                            ioc.path("type").asText(null),
                            ioc.path("value").asText(null),
                            at);
        }
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? JSON.nullNode() : node;
    }

    /** The detail string naming the bad items, as the console words it (a JSON string). */
    static String rejectionDetail(ArrayNode bad) {
        ObjectNode detail = JSON.createObjectNode();
        detail.set("errors", bad);
        return detail.toString();
    }

    private List<ObjectNode> prepare(JsonNode data, Scope scope) {
        Instant now = options.clock().instant();
        String batchId = ids.next();
        List<ObjectNode> prepared = new ArrayList<>();
        for (JsonNode item : data) {
            prepared.add(prepare(item, scope, now, batchId));
        }
        return prepared;
    }

    private ObjectNode prepare(JsonNode item, Scope scope, Instant now, String batchId) {
        ObjectNode ioc = JSON.createObjectNode();
        ioc.put("uuid", ids.next());
        ioc.put("batchId", batchId);
        ioc.put("scope", scope.kind());
        ioc.put("scopeId", scope.id());
        ioc.put("creator", "SentinelOne emulator");
        ioc.put("uploadTime", now.toString());
        ioc.put("updatedAt", now.toString());
        ioc.putNull("creationTime");
        ioc.setAll((ObjectNode) item);
        String type = item.get("type").asText();
        Instant validUntil = ValidityWindow.effective(type, item.get("validUntil"), now);
        ioc.put("validUntil", validUntil.toString());
        return ioc;
    }
}
