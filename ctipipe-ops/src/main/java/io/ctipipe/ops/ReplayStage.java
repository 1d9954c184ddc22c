package io.ctipipe.ops;

import java.util.Locale;

/** The stage {@code ctipipe replay --stage} moves. */
enum ReplayStage {
    /** The mapper's Kafka Streams group on the raw events topic. */
    MAPPER,
    /** The sink's consumer group on the IOC topic. */
    SINK,
    /** The ingester's stored OpenCTI stream position. */
    INGESTER;

    static ReplayStage fromOption(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected mapper, sink or ingester, got '" + text + "'", e);
        }
    }

    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
