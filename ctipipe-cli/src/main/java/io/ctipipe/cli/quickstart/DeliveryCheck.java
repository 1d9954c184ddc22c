package io.ctipipe.cli.quickstart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what SentinelOne ended up holding, and what was dead-lettered, with the generator's
 * ground truth: nothing missing, nothing extra, no duplicate, and dead letters exactly the items
 * the emulator was set to reject.
 */
record DeliveryCheck(
        List<IocIdentity> missing,
        List<IocIdentity> extra,
        List<IocIdentity> duplicated,
        List<IocIdentity> rejectedNotDeadLettered,
        List<IocIdentity> deadLetteredNotPlanted) {

    private static final int SHOWN = 10;

    static DeliveryCheck compare(
            Set<IocIdentity> expected,
            Collection<IocIdentity> held,
            Set<IocIdentity> planted,
            Collection<IocIdentity> deadLettered) {
        Map<IocIdentity, Integer> counts = count(held);
        return new DeliveryCheck(
                sorted(minus(expected, counts.keySet())),
                sorted(minus(counts.keySet(), expected)),
                sorted(
                        counts.entrySet().stream()
                                .filter(e -> e.getValue() > 1)
                                .map(Map.Entry::getKey)
                                .toList()),
                sorted(minus(planted, Set.copyOf(deadLettered))),
                sorted(minus(Set.copyOf(deadLettered), planted)));
    }

    boolean passed() {
        return missing.isEmpty()
                && extra.isEmpty()
                && duplicated.isEmpty()
                && rejectedNotDeadLettered.isEmpty()
                && deadLetteredNotPlanted.isEmpty();
    }

    /** The differences, a few examples each, for the console. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        section(lines, "missing from SentinelOne", missing);
        section(lines, "extra in SentinelOne", extra);
        section(lines, "duplicated in SentinelOne", duplicated);
        section(lines, "planted bad values not dead-lettered", rejectedNotDeadLettered);
        section(lines, "dead-lettered but not planted", deadLetteredNotPlanted);
        return lines;
    }

    private static void section(List<String> lines, String title, List<IocIdentity> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add(items.size() + " " + title + ":");
        items.stream().limit(SHOWN).forEach(item -> lines.add("  " + item));
        if (items.size() > SHOWN) {
            lines.add("  ... and " + (items.size() - SHOWN) + " more");
        }
    }

    private static Map<IocIdentity, Integer> count(Collection<IocIdentity> held) {
        Map<IocIdentity, Integer> counts = new HashMap<>();
        held.forEach(ioc -> counts.merge(ioc, 1, Integer::sum));
        return counts;
    }

    private static List<IocIdentity> minus(Set<IocIdentity> left, Set<IocIdentity> right) {
        return left.stream().filter(item -> !right.contains(item)).toList();
    }

    private static List<IocIdentity> sorted(Collection<IocIdentity> items) {
        TreeSet<IocIdentity> set =
                new TreeSet<>(
                        java.util.Comparator.comparing(IocIdentity::type)
                                .thenComparing(IocIdentity::value)
                                .thenComparing(IocIdentity::externalId));
        set.addAll(items);
        return List.copyOf(set);
    }
}
