package io.ctipipe.mapper.internals;

import java.util.regex.Pattern;

/**
 * Parses dotted-quad IPv4 addresses strictly: four decimal octets of 0-255 without leading zeros,
 * since {@code 010.0.0.1} reads as octal in some tools and decimal in others.
 */
final class Ipv4Address {
    private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private Ipv4Address() {}

    /** The four octets, or null when the text is not a dotted quad. */
    static int[] parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!OCTET.matcher(parts[i]).matches()) {
                return null;
            }
            octets[i] = Integer.parseInt(parts[i]);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }
}
