package io.ctipipe.mapper.internals;

import io.ctipipe.mapper.pattern.ObjectPath;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What a compared property can become: the IOC type and how its value is checked. Object types are
 * matched exactly (STIX type names are lower-case); hash algorithm names in any case, quoted or
 * not, with or without the hyphen ({@code MD5}, {@code SHA-1}/{@code SHA1}, {@code SHA-256}/{@code
 * SHA256}).
 */
record ObservableTarget(String type, UnaryOperator<String> normalizer) {

    static ObservableTarget of(ObjectPath path) {
        String objectType = path.objectType();
        if (objectType.equals("file")) {
            return fileHash(path);
        }
        if (path.steps().size() != 1 || !"value".equals(path.keyAt(0))) {
            throw unsupportedObject(path);
        }
        return switch (objectType) {
            case "ipv4-addr" -> new ObservableTarget(IocValue.IPV4, ValueNormalizer::ipv4);
            case "ipv6-addr" -> new ObservableTarget(IocValue.IPV6, ValueNormalizer::ipv6);
            case "domain-name", "hostname" ->
                    new ObservableTarget(IocValue.DNS, ValueNormalizer::domain);
            case "url" -> new ObservableTarget(IocValue.URL, ValueNormalizer::url);
            default -> throw unsupportedObject(path);
        };
    }

    IocValue value(String raw) {
        return new IocValue(type, normalizer.apply(raw));
    }

    private static ObservableTarget fileHash(ObjectPath path) {
        String algorithm = path.keyAt(1);
        if (path.steps().size() != 2 || !"hashes".equals(path.keyAt(0)) || algorithm == null) {
            throw unsupportedObject(path);
        }
        return switch (algorithm.toUpperCase(Locale.ROOT).replace("-", "")) {
            case "MD5" -> hash(IocValue.MD5, 32);
            case "SHA1" -> hash(IocValue.SHA1, 40);
            case "SHA256" -> hash(IocValue.SHA256, 64);
            default -> {
                String detail =
                        "hash algorithm '"
                                + algorithm
                                + "' has no SentinelOne IOC type"
                                + " (MD5, SHA-1 and SHA-256 do)";
                throw new UnmappableException(SkipReason.UNSUPPORTED_HASH, detail);
            }
        };
    }

    private static ObservableTarget hash(String type, int hexLength) {
        return new ObservableTarget(type, raw -> ValueNormalizer.hash(raw, type, hexLength));
    }

    private static UnmappableException unsupportedObject(ObjectPath path) {
        String detail = path + " has no SentinelOne IOC type";
        return new UnmappableException(SkipReason.UNSUPPORTED_OBJECT, detail);
    }
}
