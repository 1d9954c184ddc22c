package io.ctipipe.mapper.internals;

import java.util.List;

/**
 * What a mappable pattern yields: its distinct IOC values, never empty, and the OR branches it left
 * out, in pattern order.
 */
record Translation(List<IocValue> values, List<DroppedBranch> dropped) {
    Translation {
        values = List.copyOf(values);
        dropped = List.copyOf(dropped);
    }
}
