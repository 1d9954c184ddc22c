package io.ctipipe.emulator.sentinelone.internals;

import java.util.HexFormat;
import java.util.Random;

/** Seeded 128-bit ids as 32 lower-case hex characters, the console's uuid form. */
public final class IdSource {
    private final Random random;

    public IdSource(long seed) {
        this.random = new Random(seed);
    }

    public synchronized String next() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }
}
