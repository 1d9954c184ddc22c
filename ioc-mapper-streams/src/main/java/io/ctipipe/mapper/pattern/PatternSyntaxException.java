package io.ctipipe.mapper.pattern;

/**
 * A pattern that does not follow the STIX 2.1 patterning grammar. The message names what was
 * expected and where: {@code expected ']' at position 17}, positions counting characters from 0.
 */
public final class PatternSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final int position;

    public PatternSyntaxException(String description, int position) {
        super(description + " at position " + position);
        this.description = description;
        this.position = position;
    }

    /** What was wrong, without the position. */
    public String description() {
        return description;
    }

    /** The 0-based index of the character where the problem was found. */
    public int position() {
        return position;
    }
}
