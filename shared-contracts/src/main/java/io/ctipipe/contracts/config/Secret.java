package io.ctipipe.contracts.config;

import java.util.Objects;

/**
 * A credential (API key, token, password). Its {@code toString()} prints {@code [hidden]} so that
 * logging a config record, an exception message or a metric tag can never leak the value; only
 * {@link #reveal()} gives it out, at the one place that puts it on the wire.
 */
public final class Secret {
    private static final String HIDDEN = "[hidden]";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The clear value, for the HTTP header or client property that needs it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
