package io.ctipipe.mapper.internals;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a pattern value and writes it the way SentinelOne should receive it. Surrounding white
 * space is dropped everywhere; anything else that is wrong throws {@link UnmappableException} with
 * {@code invalid-value}, or {@code cidr-too-wide} for a network wider than one address.
 *
 * <p>Domain names must be ASCII: an internationalized name written in Unicode is skipped as
 * invalid-value rather than converted to punycode (OpenCTI normally stores the punycode form). URLs
 * are checked only for emptiness and white space, since SentinelOne documents no URL rules.
 */
final class ValueNormalizer {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_DOMAIN_LENGTH = 253;

    private ValueNormalizer() {}

    /** A dotted quad; {@code a.b.c.d/32} becomes the address. */
    static String ipv4(String raw) {
        String text = raw.strip();
        String address = beforeSlash(text);
        if (Ipv4Address.parse(address) == null) {
            throw invalid("'" + raw + "' is not an IPv4 address");
        }
        checkPrefix(text, 32);
        return address;
    }

    /** RFC 5952 canonical text; {@code addr/128} becomes the address. */
    static String ipv6(String raw) {
        String text = raw.strip();
        String canonical = Ipv6Address.canonical(beforeSlash(text));
        if (canonical == null) {
            throw invalid("'" + raw + "' is not an IPv6 address");
        }
        checkPrefix(text, 128);
        return canonical;
    }

    /** A DNS name, lower-cased, one trailing dot dropped; refuses URLs, IPs and wildcards. */
    static String domain(String raw) {
        String name = raw.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.length() > MAX_DOMAIN_LENGTH || !hasValidLabels(name)) {
            throw invalid("'" + raw + "' is not a domain name");
        }
        return name;
    }

    private static boolean hasValidLabels(String name) {
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // An all-numeric last label is an IP address, not a name.
        return !DIGITS.matcher(labels[labels.length - 1]).matches();
    }

    /** A URL as given, refused when empty or holding white space or control characters. */
    static String url(String raw) {
        String url = raw.strip();
        if (url.isEmpty() || url.codePoints().anyMatch(ValueNormalizer::isSpaceOrControl)) {
            throw invalid("'" + raw + "' is not a URL");
        }
        return url;
    }

    /** Lower-case hex of the algorithm's length. */
    static String hash(String raw, String type, int hexLength) {
        String hash = raw.strip().toLowerCase(Locale.ROOT);
        if (hash.length() != hexLength || !hash.chars().allMatch(ValueNormalizer::isHex)) {
            String what = type + " hash (" + hexLength + " hex digits)";
            throw invalid("'" + raw + "' is not a valid " + what);
        }
        return hash;
    }

    private static String beforeSlash(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    /** Refuses a prefix length other than the full {@code bits}, the only one-address network. */
    private static void checkPrefix(String text, int bits) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return;
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            throw invalid("'" + text + "' has no valid prefix length (0 to " + bits + ")");
        }
        if (Integer.parseInt(prefix) < bits) {
            String detail = "'" + text + "' is a network, not one address; only /" + bits + " maps";
            throw new UnmappableException(SkipReason.CIDR_TOO_WIDE, detail);
        }
    }

    private static boolean isSpaceOrControl(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint);
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static UnmappableException invalid(String detail) {
        return new UnmappableException(SkipReason.INVALID_VALUE, detail);
    }
}
