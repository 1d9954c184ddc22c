package io.ctipipe.contracts.kafka;

/**
 * Context headers on the sink's dead-letter topic. A dead-lettered record keeps its original key,
 * value, timestamp and headers byte for byte; these are added, all as UTF-8 strings, and none may
 * carry a secret (response snippets are redacted before they are written).
 */
public final class DeadLetterHeaders {
    public static final String PREFIX = "ctipipe.dlq.";

    /** Where the record was read: topic, partition and offset. */
    public static final String SOURCE_TOPIC = PREFIX + "source.topic";

    public static final String SOURCE_PARTITION = PREFIX + "source.partition";
    public static final String SOURCE_OFFSET = PREFIX + "source.offset";

    /** Which stage gave up: {@code sink} (the mapper uses Kafka Streams' own headers). */
    public static final String STAGE = PREFIX + "stage";

    /** The failure class: {@code rejected} (a 4xx naming the item), {@code exhausted}, ... */
    public static final String ERROR_CLASS = PREFIX + "error.class";

    public static final String ERROR_MESSAGE = PREFIX + "error.message";
    public static final String HTTP_STATUS = PREFIX + "http.status";

    /** At most a few hundred characters of the response body, redacted. */
    public static final String RESPONSE_SNIPPET = PREFIX + "response";

    public static final String ATTEMPTS = PREFIX + "attempts";

    /** ISO-8601 instants of the first and the last attempt. */
    public static final String FIRST_ATTEMPT = PREFIX + "first.attempt";

    public static final String LAST_ATTEMPT = PREFIX + "last.attempt";

    /** The IOCs (type:value) of the command this record stands for that were rejected. */
    public static final String REJECTED_IOCS = PREFIX + "rejected.iocs";

    /** How many times the record has been redriven. */
    public static final String REDRIVE_COUNT = PREFIX + "redrive.count";

    private DeadLetterHeaders() {}
}
