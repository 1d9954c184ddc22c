package io.ctipipe.mapper.internals;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One OpenCTI stream message as the mapper sees it.
 *
 * @param name the SSE event name: create, update, delete or merge
 * @param recordKey the internal id the ingester keyed it by; null in a dry run
 * @param envelope the SSE {@code data} JSON: {@code {"version":"4","data":{..},..}}
 */
public record StreamEvent(String name, String recordKey, JsonNode envelope) {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String MERGE = "merge";
}
