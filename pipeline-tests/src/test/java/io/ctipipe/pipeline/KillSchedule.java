package io.ctipipe.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * When to kill which service: for each, the given number of moments drawn at random within a
 * window, at least a minimum apart so that each incarnation gets going before it dies.
 */
final class KillSchedule {
    /** Kill service at this offset from the start of the window. */
    record Kill(Duration at, String service) {}

    private KillSchedule() {}

    static List<Kill> draw(
            long seed, List<String> services, int kills, Duration window, Duration spacing) {
        Random random = new Random(seed);
        List<Kill> schedule = new ArrayList<>();
        long slot = window.toMillis() / kills;
        for (String service : services) {
            for (int i = 0; i < kills; i++) {
                long jitter = (long) (random.nextDouble() * Math.max(1, slot - spacing.toMillis()));
                schedule.add(
                        new Kill(
                                Duration.ofMillis(i * slot + spacing.toMillis() + jitter),
                                service));
            }
        }
        schedule.sort(Comparator.comparing(Kill::at));
        return schedule;
    }
}
