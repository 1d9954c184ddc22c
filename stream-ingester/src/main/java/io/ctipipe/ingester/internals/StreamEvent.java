package io.ctipipe.ingester.internals;

import io.ctipipe.contracts.stream.StreamPosition;

/**
 * A create, update, delete or merge message on its way to Kafka.
 *
 * @param key the OpenCTI internal id (UTF-8), the STIX id when there is none, or null when the data
 *     is not readable JSON (the mapper dead-letters such records)
 * @param data the SSE data bytes, unchanged
 */
public record StreamEvent(String event, StreamPosition id, byte[] key, byte[] data) {}
