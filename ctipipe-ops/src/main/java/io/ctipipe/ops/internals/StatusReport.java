package io.ctipipe.ops.internals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@code ctipipe status} shows; {@code stuck} is true when any stage is.
 *
 * @param ingester null when {@code CONNECTOR_LIVE_STREAM_ID} is not configured
 * @param notes what could not be known, in plain sentences
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusReport(
        Instant at,
        List<StageStatus> stages,
        IngesterStatus ingester,
        List<TopicDepth> deadLetters,
        TopicDepth skipped,
        boolean stuck,
        List<String> notes) {

    public StatusReport {
        stages = List.copyOf(stages);
        deadLetters = List.copyOf(deadLetters);
        notes = List.copyOf(notes);
    }
}
