package io.ctipipe.ops.internals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The ingester's stored position. How far it is behind the platform is not known here: that needs
 * the platform's own latest stream id, which only the ingester's connection sees.
 *
 * @param position the stream id, null when nothing is stored
 * @param positionTime the time encoded in the stream id
 * @param updatedAt when the position was written
 * @param rewound whether {@code ctipipe replay} wrote it (the ingester has not run since)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngesterStatus(
        String streamId,
        String position,
        Instant positionTime,
        Instant updatedAt,
        boolean rewound,
        boolean stuck,
        String verdict) {}
