package io.ctipipe.emulator.opencti.internals;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Unique observable values drawn from a seeded generator. Every value has exactly one canonical
 * form (no IPv4-mapped IPv6, no internationalised or trailing-dot names, no quotes in URLs), so
 * that the ground truth cannot disagree with a correct mapper about normalisation.
 */
final class ValueFactory {
    private static final List<String> WORDS =
            List.of(
                    "alpha", "bravo", "cobalt", "delta", "ember", "falcon", "garnet", "harbor",
                    "indigo", "jasper", "krypton", "lumen", "magnet", "nova", "onyx", "pixel");
    private static final List<String> TLDS = List.of("com", "net", "org", "io", "info", "biz");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Random random;
    private final Set<String> used = new HashSet<>();

    ValueFactory(Random random) {
        this.random = random;
    }

    String ipv4() {
        return unique(
                () ->
                        (11 + random.nextInt(212))
                                + "."
                                + random.nextInt(256)
                                + "."
                                + random.nextInt(256)
                                + "."
                                + (1 + random.nextInt(254)));
    }

    /** Eight hextets in the documentation prefix 2001:db8::/32, with a run of zeros at times. */
    int[] ipv6() {
        while (true) {
            int[] hextets = new int[8];
            hextets[0] = 0x2001;
            hextets[1] = 0x0db8;
            for (int i = 2; i < 8; i++) {
                hextets[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(0x10000);
            }
            if (used.add(Ipv6Text.canonical(hextets))) {
                return hextets;
            }
        }
    }

    String domain() {
        return unique(() -> word() + "-" + word() + random.nextInt(1000) + "." + tld());
    }

    String hostname() {
        return unique(() -> "srv" + random.nextInt(10_000) + "." + word() + ".example-corp.net");
    }

    String url() {
        return unique(
                () ->
                        (random.nextBoolean() ? "https" : "http")
                                + "://"
                                + word()
                                + random.nextInt(1000)
                                + "."
                                + tld()
                                + "/"
                                + word()
                                + "/"
                                + word()
                                + ".php?id="
                                + random.nextInt(100_000));
    }

    /** Random lower-case hex of the given length (hash values). */
    String hex(int length) {
        return unique(
                () -> {
                    StringBuilder text = new StringBuilder(length);
                    for (int i = 0; i < length; i++) {
                        text.append(HEX[random.nextInt(16)]);
                    }
                    return text.toString();
                });
    }

    String word() {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    /** Mixed case for a DNS name, which the mapper must lower-case. */
    String mixedCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(random.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    String upperOrLower(String hex) {
        return random.nextInt(3) == 0 ? hex.toUpperCase(Locale.ROOT) : hex;
    }

    private String tld() {
        return TLDS.get(random.nextInt(TLDS.size()));
    }

    private String unique(java.util.function.Supplier<String> candidate) {
        while (true) {
            String value = candidate.get();
            if (used.add(value.toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
    }
}
