package io.ctipipe.sink.internals;

import java.io.Serial;

/** The sink cannot go on: it stops consuming and reports DOWN with this message. */
public final class FatalSinkException extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    public FatalSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
