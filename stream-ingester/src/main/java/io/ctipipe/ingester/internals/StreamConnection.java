package io.ctipipe.ingester.internals;

import okhttp3.Call;
import okhttp3.Response;

/** An open event stream: the parser over the response body, and the call to cancel it. */
public final class StreamConnection implements AutoCloseable {
    private final Call call;
    private final Response response;
    private final SseParser parser;

    StreamConnection(Call call, Response response, SseParser parser) {
        this.call = call;
        this.response = response;
        this.parser = parser;
    }

    public SseParser parser() {
        return parser;
    }

    /** Aborts a blocked read from another thread. */
    public void cancel() {
        call.cancel();
    }

    @Override
    public void close() {
        response.close();
    }
}
