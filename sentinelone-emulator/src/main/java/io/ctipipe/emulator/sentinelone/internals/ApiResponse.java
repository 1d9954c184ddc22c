package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer the emulator is about to send: status, JSON body, optional Retry-After seconds. */
public record ApiResponse(int status, JsonNode body, Long retryAfterSeconds) {
    public static ApiResponse of(int status, JsonNode body) {
        return new ApiResponse(status, body, null);
    }
}
