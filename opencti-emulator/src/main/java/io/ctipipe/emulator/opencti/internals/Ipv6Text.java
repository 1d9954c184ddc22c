package io.ctipipe.emulator.opencti.internals;

import java.util.Locale;

/** IPv6 addresses as text: RFC 5952 canonical form, and the full upper-case form. */
final class Ipv6Text {
    private Ipv6Text() {}

    /** Lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    static String canonical(int[] hextets) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && hextets[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        return bestStart < 0 ? join(hextets, 0, 8) : compressed(hextets, bestStart, bestLength);
    }

    /** All eight groups, four upper-case digits each: valid, but not canonical. */
    static String expanded(int[] hextets) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            text.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%04X", hextets[i]));
        }
        return text.toString();
    }

    private static String compressed(int[] hextets, int start, int length) {
        return join(hextets, 0, start) + "::" + join(hextets, start + length, 8);
    }

    private static String join(int[] hextets, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(i == from ? "" : ":").append(Integer.toHexString(hextets[i]));
        }
        return text.toString();
    }
}
