package io.ctipipe.contracts.config;

import java.util.List;

/**
 * Thrown once when a configuration has problems; the message lists every problem, one a line, each
 * naming the variable, the bad value (unless secret) and the expected form. A problem that stops
 * reading before any key (a config file that cannot be read) is thrown alone, as one line.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** One problem that stops reading, such as an unreadable config file: the message is it. */
    public ConfigException(String problem) {
        super(problem);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems) {
        String noun = problems.size() == 1 ? "problem" : "problems";
        return "invalid configuration, "
                + problems.size()
                + " "
                + noun
                + ":\n  "
                + String.join("\n  ", problems);
    }
}
