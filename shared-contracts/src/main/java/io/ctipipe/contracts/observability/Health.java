package io.ctipipe.contracts.observability;

/**
 * A service's health as {@code /health} reports it: up, or down with a reason that an operator can
 * act on (never a secret).
 */
public record Health(boolean up, String detail) {
    public static Health ok() {
        return new Health(true, "ok");
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
