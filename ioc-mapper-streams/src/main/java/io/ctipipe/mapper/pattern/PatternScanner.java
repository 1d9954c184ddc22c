package io.ctipipe.mapper.pattern;

/**
 * A cursor over the pattern text for {@link PatternParser}. Every {@code try*} and {@code expect*}
 * method first skips white space and comments ({@code /* .. *}{@code /} and {@code //} to the end
 * of the line, as the grammar's lexer does), so tokens may be separated by any of them.
 */
final class PatternScanner {
    private final String text;
    private int pos;

    PatternScanner(String text) {
        this.text = text;
    }

    int position() {
        skipSpace();
        return pos;
    }

    boolean atEnd() {
        return position() >= text.length();
    }

    /** The next character after white space, or 0 at the end. */
    char peek() {
        return atEnd() ? 0 : text.charAt(pos);
    }

    boolean tryChar(char expected) {
        if (atEnd() || text.charAt(pos) != expected) {
            return false;
        }
        pos++;
        return true;
    }

    void expectChar(char expected, String context) {
        if (!tryChar(expected)) {
            throw error("expected '" + expected + "' " + context);
        }
    }

    /** Consumes {@code symbol} (such as {@code <=}) when it comes next. */
    boolean tryText(String symbol) {
        if (!text.startsWith(symbol, position())) {
            return false;
        }
        pos += symbol.length();
        return true;
    }

    /** Consumes {@code word} when it comes next as a whole word (case-sensitive). */
    boolean tryKeyword(String word) {
        int start = position();
        int end = start + word.length();
        if (!text.startsWith(word, start) || isWordChar(end)) {
            return false;
        }
        pos = end;
        return true;
    }

    void expectKeyword(String word, String context) {
        if (!tryKeyword(word)) {
            throw error("expected " + word + " " + context);
        }
    }

    /** Reads {@code [A-Za-z_][A-Za-z0-9_-]*}, or returns null when none comes next. */
    String tryIdentifier() {
        int start = position();
        if (start >= text.length() || !isIdentifierStart(text.charAt(start))) {
            return null;
        }
        int end = start + 1;
        while (end < text.length() && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        pos = end;
        return text.substring(start, end);
    }

    /** Reads the characters matching {@code [0-9+\-.]} from here: a number's raw text. */
    String readNumberText() {
        int start = position();
        int end = start;
        while (end < text.length() && "0123456789+-.".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        pos = end;
        return text.substring(start, end);
    }

    /**
     * Reads a quoted string whose opening quote comes next, resolving {@code \'} and {@code \\};
     * any other backslash is a syntax error, as in the grammar.
     */
    String readQuoted() {
        int open = position();
        expectChar('\'', "to open a string");
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                return value.toString();
            }
            if (c == '\\') {
                value.append(escaped());
            } else {
                value.append(c);
            }
        }
        throw new PatternSyntaxException("unterminated string", open);
    }

    private char escaped() {
        if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '\\')) {
            return text.charAt(pos++);
        }
        throw new PatternSyntaxException("only \\' and \\\\ may follow a backslash", pos - 1);
    }

    /** Steps back over characters just consumed, e.g. a quote that a prefix ended with. */
    void rewind(int count) {
        pos -= count;
    }

    PatternSyntaxException error(String description) {
        int at = position();
        String found = at >= text.length() ? "the end" : "'" + text.charAt(at) + "'";
        return new PatternSyntaxException(description + ", found " + found, at);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pos++;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("//", pos)) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else {
                return;
            }
        }
    }

    private boolean isWordChar(int index) {
        return index < text.length() && isIdentifierPart(text.charAt(index));
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '-';
    }
}
