package io.ctipipe.mapper.pattern;

import java.util.ArrayList;
import java.util.List;

/** Reads an object path such as {@code file:hashes.'SHA-256'} or {@code x:list[*].name}. */
final class ObjectPathParser {
    private final PatternScanner scanner;

    ObjectPathParser(PatternScanner scanner) {
        this.scanner = scanner;
    }

    ObjectPath path() {
        String objectType = scanner.tryIdentifier();
        if (objectType == null) {
            throw scanner.error("expected an object type such as ipv4-addr");
        }
        scanner.expectChar(':', "after the object type");
        List<PathStep> steps = new ArrayList<>();
        steps.add(new PathStep.Key(key("after ':'")));
        PathStep step = nextStep();
        while (step != null) {
            steps.add(step);
            step = nextStep();
        }
        return new ObjectPath(objectType, steps);
    }

    private PathStep nextStep() {
        if (scanner.tryChar('.')) {
            return new PathStep.Key(key("after '.'"));
        }
        if (scanner.tryChar('[')) {
            PathStep index = index();
            scanner.expectChar(']', "to close the list index");
            return index;
        }
        return null;
    }

    private String key(String context) {
        if (scanner.peek() == '\'') {
            return scanner.readQuoted();
        }
        String name = scanner.tryIdentifier();
        if (name == null) {
            throw scanner.error("expected a property name " + context);
        }
        return name;
    }

    private PathStep index() {
        if (scanner.tryChar('*')) {
            return new PathStep.AnyIndex();
        }
        int start = scanner.position();
        String raw = scanner.readNumberText();
        if (!raw.matches("[+-]?(0|[1-9][0-9]*)")) {
            throw new PatternSyntaxException("expected a list index or *", start);
        }
        try {
            return new PathStep.Index(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw new PatternSyntaxException("list index out of range", start);
        }
    }
}
