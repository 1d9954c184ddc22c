package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-item rules of {@code POST /iocs}: a known upper-case type, method EQUALS, a source, a
 * value that fits the type (hash length and hex, IP syntax, no empty-file hash), and a readable
 * validUntil when one is given.
 */
public final class IocValidator {
    static final Set<String> TYPES = Set.of("DNS", "IPV4", "IPV6", "MD5", "SHA1", "SHA256", "URL");

    /** MD5, SHA-1 and SHA-256 of zero bytes: SentinelOne rejects them (hashes_empty_file). */
    static final Set<String> EMPTY_FILE_HASHES =
            Set.of(
                    "d41d8cd98f00b204e9800998ecf8427e",
                    "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern LABEL =
            Pattern.compile("[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?");

    private IocValidator() {}

    /** Why the item is rejected, or empty when it is valid. */
    public static Optional<String> problem(JsonNode item) {
        if (!item.isObject()) {
            return Optional.of("not an object");
        }
        String type = text(item, "type");
        String value = text(item, "value");
        if (type == null || !TYPES.contains(type)) {
            return Optional.of("type must be one of " + TYPES);
        }
        if (!"EQUALS".equals(text(item, "method"))) {
            return Optional.of("method must be EQUALS");
        }
        if (text(item, "source") == null) {
            return Optional.of("source is required");
        }
        if (value == null || !valueFits(type, value)) {
            return Optional.of("value is not a valid " + type);
        }
        return ValidityWindow.problem(item.get("validUntil"));
    }

    static boolean valueFits(String type, String value) {
        return switch (type) {
            case "MD5" -> isHash(value, 32);
            case "SHA1" -> isHash(value, 40);
            case "SHA256" -> isHash(value, 64);
            case "IPV4" -> isIpv4(value);
            case "IPV6" -> isIpv6(value);
            case "DNS" -> isDomain(value);
            default -> !value.isBlank() && value.chars().noneMatch(Character::isWhitespace);
        };
    }

    private static boolean isHash(String value, int length) {
        return value.length() == length
                && HEX.matcher(value).matches()
                && !EMPTY_FILE_HASHES.contains(value.toLowerCase(Locale.ROOT));
    }

    private static boolean isIpv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!OCTET.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String value) {
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName("[" + value + "]") != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isDomain(String value) {
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    static String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText();
    }
}
