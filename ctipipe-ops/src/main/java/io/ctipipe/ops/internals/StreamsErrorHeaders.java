package io.ctipipe.ops.internals;

/**
 * The context headers Kafka Streams' built-in dead-letter support (KIP-1034) puts on the mapper's
 * dead-letter records, all UTF-8 strings, after the record's original headers.
 */
public final class StreamsErrorHeaders {
    public static final String PREFIX = "__streams.errors.";

    /** The exception's class name. */
    public static final String EXCEPTION = PREFIX + "exception";

    public static final String MESSAGE = PREFIX + "message";
    public static final String STACKTRACE = PREFIX + "stacktrace";

    /** Where the failed record was read. */
    public static final String TOPIC = PREFIX + "topic";

    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";

    private StreamsErrorHeaders() {}
}
