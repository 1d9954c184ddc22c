package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Filters on stored objects, shared by list and delete. */
final class Matchers {
    private Matchers() {}

    /** Field equals one of the wanted values; matches everything when none is wanted. */
    static Predicate<JsonNode> anyOf(String field, List<String> wanted) {
        if (wanted.isEmpty()) {
            return ioc -> true;
        }
        Set<String> set = Set.copyOf(wanted);
        return ioc -> set.contains(ioc.path(field).asText());
    }
}
