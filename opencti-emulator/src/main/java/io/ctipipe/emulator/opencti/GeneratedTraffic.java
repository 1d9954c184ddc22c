package io.ctipipe.emulator.opencti;

import java.util.List;

/**
 * Messages to append to the emulator, in order, and what SentinelOne must hold after them.
 *
 * @param messages create, update, delete and merge messages without ids
 */
public record GeneratedTraffic(List<StreamMessage> messages, GroundTruth groundTruth) {
    public GeneratedTraffic {
        messages = List.copyOf(messages);
    }
}
