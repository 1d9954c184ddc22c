package io.ctipipe.ops.internals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The entries of a dead-letter or skipped topic that match a filter, oldest first (by time, then
 * partition and offset), as a table or JSON lines. Only the first {@code limit} are kept; the count
 * of every match is kept too, so the output can say how many were left out.
 */
public final class DeadLetterListing {
    private static final Comparator<DeadLetterEntry> ORDER =
            Comparator.comparing(DeadLetterEntry::time)
                    .thenComparingInt(DeadLetterEntry::partition)
                    .thenComparingLong(DeadLetterEntry::offset);

    private final List<DeadLetterEntry> entries;
    private final int matched;

    private DeadLetterListing(List<DeadLetterEntry> entries, int matched) {
        this.entries = entries;
        this.matched = matched;
    }

    /** Reads the whole topic once. */
    public static DeadLetterListing read(
            TopicReader reader,
            String topic,
            DeadLetterKind kind,
            DeadLetterFilter filter,
            int limit) {
        List<DeadLetterEntry> matches = new ArrayList<>();
        reader.readAll(
                topic,
                record -> {
                    DeadLetterEntry entry = DeadLetterDecoder.decode(record, kind);
                    if (filter.matches(entry)) {
                        matches.add(entry);
                    }
                    return true;
                });
        matches.sort(ORDER);
        List<DeadLetterEntry> shown =
                List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
        return new DeadLetterListing(shown, matches.size());
    }

    /** A listing of entries already selected, e.g. by a redrive. */
    public static DeadLetterListing of(List<DeadLetterEntry> entries) {
        return new DeadLetterListing(List.copyOf(entries), entries.size());
    }

    public List<DeadLetterEntry> entries() {
        return entries;
    }

    public int matched() {
        return matched;
    }

    public String table() {
        TextTable table =
                new TextTable(
                        "P:O",
                        "TIME",
                        "INDICATOR",
                        "IOC",
                        "STATUS",
                        "ERROR",
                        "ATTEMPTS",
                        "REDRIVEN");
        for (DeadLetterEntry entry : entries) {
            table.row(
                    entry.coordinates(),
                    TimeText.shown(entry.time()),
                    entry.key(),
                    entry.subject(),
                    entry.httpStatus(),
                    entry.errorText(),
                    entry.attempts(),
                    entry.redriveCount() == 0 ? null : entry.redriveCount());
        }
        return table.render() + footer();
    }

    public String jsonLines() {
        StringBuilder lines = new StringBuilder();
        entries.forEach(entry -> lines.append(OpsJson.line(entry)).append('\n'));
        return lines.toString();
    }

    private String footer() {
        if (matched == 0) {
            return "No record matches.\n";
        }
        if (matched > entries.size()) {
            return "Showing the first "
                    + entries.size()
                    + " of "
                    + matched
                    + " matching records (raise --limit to see more).\n";
        }
        return matched + " matching record(s).\n";
    }
}
