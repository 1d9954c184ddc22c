package io.ctipipe.pipeline;

/**
 * How big the scenarios are. CI runs them small ({@code soak.indicators} is 400); {@code mvn -Psoak
 * verify}, or {@code -Dsoak.indicators=N}, scales every scenario's traffic by N / 400.
 */
final class Sizes {
    private static final int CI_INDICATORS = 400;

    private Sizes() {}

    /** The number of Indicators a scenario that generates ciSize in CI generates in this run. */
    static int indicators(int ciSize) {
        int requested = Integer.getInteger("soak.indicators", CI_INDICATORS);
        return (int) Math.max(1, (long) ciSize * requested / CI_INDICATORS);
    }

    /** How many times the kill scenario kills each service. */
    static int kills() {
        return Integer.getInteger("soak.kills", 3);
    }

    /** Longest wait for a pipeline to drain, longer for soak sizes. */
    static java.time.Duration drainTimeout() {
        return java.time.Duration.ofSeconds(120 + indicators(400) / 50);
    }
}
