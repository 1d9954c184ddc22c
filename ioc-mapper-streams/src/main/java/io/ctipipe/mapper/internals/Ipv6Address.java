package io.ctipipe.mapper.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses an IPv6 address without any name lookup and writes it in the RFC 5952 canonical form:
 * lower-case hex, no leading zeros, the longest run of two or more zero groups (the first of equal
 * runs) as {@code ::}, and IPv4-mapped addresses as {@code ::ffff:192.0.2.1} (section 5). Other
 * prefixes that embed an IPv4 address (such as 64:ff9b::/96) come out in hex groups, which section
 * 5 allows but does not recommend.
 */
final class Ipv6Address {
    private static final int GROUPS = 8;
    private static final Pattern GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private Ipv6Address() {}

    /** The canonical form, or null when the text is not an IPv6 address (zones refused). */
    static String canonical(String text) {
        int[] groups = parse(text);
        return groups == null ? null : format(groups);
    }

    static int[] parse(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        List<Integer> left = groups(head, gap < 0);
        List<Integer> right = gap < 0 ? List.of() : groups(text.substring(gap + 2), true);
        if (left == null || right == null) {
            return null;
        }
        int given = left.size() + right.size();
        if (gap < 0 ? given != GROUPS : given > GROUPS - 1) {
            return null;
        }
        int[] groups = new int[GROUPS];
        for (int i = 0; i < left.size(); i++) {
            groups[i] = left.get(i);
        }
        for (int i = 0; i < right.size(); i++) {
            groups[GROUPS - right.size() + i] = right.get(i);
        }
        return groups;
    }

    /** The 16-bit groups of a colon-separated part; the last may be dotted IPv4 (two groups). */
    private static List<Integer> groups(String part, boolean mayEndWithIpv4) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            boolean last = i == pieces.length - 1;
            if (last && mayEndWithIpv4 && pieces[i].contains(".")) {
                return addIpv4(groups, pieces[i]);
            }
            if (!GROUP.matcher(pieces[i]).matches()) {
                return null;
            }
            groups.add(Integer.parseInt(pieces[i], 16));
        }
        return groups;
    }

    private static List<Integer> addIpv4(List<Integer> groups, String dotted) {
        int[] octets = Ipv4Address.parse(dotted);
        if (octets == null) {
            return null;
        }
        groups.add(octets[0] << 8 | octets[1]);
        groups.add(octets[2] << 8 | octets[3]);
        return groups;
    }

    static String format(int[] groups) {
        if (isIpv4Mapped(groups)) {
            return "::ffff:"
                    + (groups[6] >> 8)
                    + "."
                    + (groups[6] & 0xff)
                    + "."
                    + (groups[7] >> 8)
                    + "."
                    + (groups[7] & 0xff);
        }
        int[] run = longestZeroRun(groups);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == run[0]) {
                text.append("::");
                i += run[1] - 1;
                continue;
            }
            boolean afterGap = i == run[0] + run[1] && run[1] > 0;
            if (i > 0 && !afterGap) {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean isIpv4Mapped(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        return groups[5] == 0xffff;
    }

    /** {start, length} of the first longest run of at least two zero groups; {-1, 0} if none. */
    private static int[] longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 0;
        int i = 0;
        while (i < GROUPS) {
            int length = 0;
            while (i + length < GROUPS && groups[i + length] == 0) {
                length++;
            }
            if (length >= 2 && length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += Math.max(length, 1);
        }
        return new int[] {bestStart, bestLength};
    }
}
