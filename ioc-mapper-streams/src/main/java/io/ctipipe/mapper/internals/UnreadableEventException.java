package io.ctipipe.mapper.internals;

/**
 * A record the mapper cannot read: not JSON, not an object, no {@code data}, a field of the wrong
 * type, a missing header. Thrown out of the processor, it sends the record to the dead-letter topic
 * through Kafka Streams' processing exception handler. The message names the field, never its
 * value, since it lands in a header and a log line.
 */
public final class UnreadableEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
