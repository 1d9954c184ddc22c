package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code GET /iocs}: filters {@code uuids}, {@code externalId}, {@code value}, {@code type}, {@code
 * source}, {@code accountIds}; {@code limit} 1-1000 (default 1000); an opaque {@code cursor}.
 * Answers {@code {"data":[...],"pagination":{"nextCursor","totalItems"}}}; an unreadable cursor or
 * limit is a 400 with code 4000010.
 */
public final class ListAction {
    static final int MAX_LIMIT = 1000;
    private static final String CURSOR_PREFIX = "emulator-offset:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IocStore store;

    public ListAction(IocStore store) {
        this.store = store;
    }

    public ApiResponse handle(QueryString query) {
        int limit;
        int offset;
        try {
            limit = limit(query.first("limit"));
        } catch (IllegalArgumentException e) {
            String detail = "limit: Must be between 1 and " + MAX_LIMIT + ".";
            return ApiResponse.of(400, ErrorBodies.validation(detail));
        }
        try {
            offset = offset(query.first("cursor"));
        } catch (IllegalArgumentException e) {
            return ApiResponse.of(
                    400,
                    ErrorBodies.envelope(
                            ErrorBodies.VALIDATION, "Invalid cursor value received", null));
        }
        return page(store.matching(filter(query)), offset, limit);
    }

    private static ApiResponse page(List<ObjectNode> found, int offset, int limit) {
        int end = Math.min(found.size(), offset + limit);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("data").addAll(found.subList(Math.min(offset, end), end));
        ObjectNode pagination = body.putObject("pagination");
        if (end < found.size()) {
            pagination.put("nextCursor", cursor(end));
        } else {
            pagination.putNull("nextCursor");
        }
        pagination.put("totalItems", found.size());
        return ApiResponse.of(200, body);
    }

    static Predicate<JsonNode> filter(QueryString query) {
        return Matchers.anyOf("uuid", query.all("uuids"))
                .and(Matchers.anyOf("externalId", query.all("externalId")))
                .and(Matchers.anyOf("value", query.all("value")))
                .and(Matchers.anyOf("type", query.all("type")))
                .and(Matchers.anyOf("source", query.all("source")))
                .and(Matchers.anyOf("scopeId", query.all("accountIds")));
    }

    private static int limit(String given) {
        if (given == null) {
            return MAX_LIMIT;
        }
        int limit = Integer.parseInt(given.trim());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range");
        }
        return limit;
    }

    static String cursor(int offset) {
        byte[] text = (CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!text.startsWith(CURSOR_PREFIX)) {
            throw new IllegalArgumentException("not a cursor");
        }
        int offset = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
        if (offset < 0) {
            throw new IllegalArgumentException("negative cursor");
        }
        return offset;
    }
}
