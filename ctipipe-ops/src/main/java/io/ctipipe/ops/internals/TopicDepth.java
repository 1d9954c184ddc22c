package io.ctipipe.ops.internals;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How many offsets a topic holds (end minus start, summed over partitions). Transactional writers
 * add one commit marker per transaction and partition, so this counts a little more than the
 * records; null when the topic does not exist.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopicDepth(String topic, Long records) {}
