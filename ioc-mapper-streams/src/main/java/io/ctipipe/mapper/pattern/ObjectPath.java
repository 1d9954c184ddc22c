package io.ctipipe.mapper.pattern;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The left side of a comparison: an object type and the steps into the object, e.g. {@code
 * file:hashes.'SHA-256'} is type {@code file} and keys {@code hashes}, {@code SHA-256}.
 */
public record ObjectPath(String objectType, List<PathStep> steps) {
    private static final Pattern OBJECT_TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    public ObjectPath {
        Objects.requireNonNull(objectType, "objectType");
        steps = List.copyOf(steps);
        if (!OBJECT_TYPE.matcher(objectType).matches()) {
            throw new IllegalArgumentException("not an object type: " + objectType);
        }
        if (steps.isEmpty() || !(steps.get(0) instanceof PathStep.Key)) {
            throw new IllegalArgumentException("an object path starts with a property name");
        }
    }

    /** A path made of keys only, e.g. {@code of("file", "hashes", "MD5")}. */
    public static ObjectPath of(String objectType, String... keys) {
        List<PathStep> steps = Arrays.stream(keys).<PathStep>map(PathStep.Key::new).toList();
        return new ObjectPath(objectType, steps);
    }

    /** The key of step {@code index}, or null when that step is absent or not a key. */
    public String keyAt(int index) {
        if (index >= steps.size() || !(steps.get(index) instanceof PathStep.Key key)) {
            return null;
        }
        return key.name();
    }

    @Override
    public String toString() {
        return PatternPrinter.print(this);
    }
}
