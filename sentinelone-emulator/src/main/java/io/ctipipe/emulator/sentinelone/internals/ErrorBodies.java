package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The error envelopes the real console answers with: {@code {"errors":[{code,detail,title}]}}. */
public final class ErrorBodies {
    public static final int AUTH_FAILED = 4010010;
    public static final int VALIDATION = 4000010;
    public static final int FORBIDDEN = 4030010;
    public static final int SERVER = 5000010;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ErrorBodies() {}

    public static ObjectNode authenticationFailed() {
        return envelope(AUTH_FAILED, "Authentication Failed", null);
    }

    public static ObjectNode validation(String detail) {
        return envelope(VALIDATION, "Validation Error", detail);
    }

    public static ObjectNode forbidden(String detail) {
        return envelope(FORBIDDEN, "Forbidden", detail);
    }

    public static ObjectNode server() {
        return envelope(SERVER, "Internal server error", null);
    }

    /** The envelope for a status injected as a fault. */
    public static ObjectNode forStatus(int status) {
        return switch (status) {
            case 401 -> authenticationFailed();
            case 429 -> envelope(4290010, "Too Many Requests", null);
            case 503 -> envelope(5030010, "Service Unavailable", null);
            default -> envelope(status * 10000 + 10, "Error " + status, null);
        };
    }

    public static ObjectNode envelope(int code, String title, String detail) {
        ObjectNode error = NODES.objectNode();
        error.put("code", code);
        if (detail == null) {
            error.putNull("detail");
        } else {
            error.put("detail", detail);
        }
        error.put("title", title);
        ObjectNode body = NODES.objectNode();
        body.putArray("errors").add(error);
        body.putNull("data");
        return body;
    }
}
