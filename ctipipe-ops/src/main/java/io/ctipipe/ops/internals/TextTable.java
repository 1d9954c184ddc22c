package io.ctipipe.ops.internals;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminal output: a header row, left-aligned columns two spaces apart, no
 * trailing spaces. Cells longer than the column limit are cut, ending in {@code ...}, except in the
 * last column, which has the rest of the line.
 */
public final class TextTable {
    private static final int MAX_CELL = 60;
    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; {@code null} cells print as {@code -}. */
    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, table has " + headers.size());
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            row.add(cell(cells[i], i == cells.length - 1));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        int[] widths = widths();
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private int[] widths() {
        int[] widths = headers.stream().mapToInt(String::length).toArray();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length())).append(GAP);
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    static String cell(Object value, boolean last) {
        String text = value == null ? "-" : value.toString().replaceAll("\\s+", " ");
        if (last || text.length() <= MAX_CELL) {
            return text;
        }
        return text.substring(0, MAX_CELL - 3) + "...";
    }
}
