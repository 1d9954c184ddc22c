package io.ctipipe.mapper.pattern;

import java.util.Objects;

/** One step of an object path after the object type: a key, a list index, or any index. */
public sealed interface PathStep {

    /** {@code .key} or {@code .'quoted key'}; the first step is always a key. */
    record Key(String name) implements PathStep {
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code [n]}; negative indexes count from the end, as the grammar allows. */
    record Index(long position) implements PathStep {}

    /** {@code [*]}. */
    record AnyIndex() implements PathStep {}
}
