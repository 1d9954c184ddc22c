package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes the pattern of each kind of Indicator, in the spellings real feeds use (quoted and unquoted
 * hash names, upper-case hex, expanded IPv6), together with the IOCs it must map to.
 */
final class DraftFactory {
    /** Hashes of the empty file: valid hex that SentinelOne refuses. */
    static final List<IocValue> EMPTY_FILE_HASHES =
            List.of(
                    new IocValue("MD5", "d41d8cd98f00b204e9800998ecf8427e"),
                    new IocValue("SHA1", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
                    new IocValue(
                            "SHA256",
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));

    private final Random random;
    private final ValueFactory values;

    DraftFactory(Random random) {
        this.random = random;
        this.values = new ValueFactory(random);
    }

    IndicatorDraft draft(IndicatorKind kind) {
        return switch (kind) {
            case IPV4 -> ipv4("");
            case IPV4_CIDR32 -> ipv4("/32");
            case IPV4_CIDR_WIDE -> ipv4Wide();
            case IPV6 -> ipv6("");
            case IPV6_CIDR128 -> ipv6("/128");
            case IPV6_CIDR_WIDE -> ipv6Wide();
            case DOMAIN -> dns(kind, "domain-name", "Domain-Name", values.domain());
            case HOSTNAME -> dns(kind, "hostname", "Hostname", values.hostname());
            case URL -> url();
            case MD5 -> hash(kind, "MD5", hashKey("MD5", "md5"), 32);
            case SHA1 -> hash(kind, "SHA1", hashKey("'SHA-1'", "SHA1"), 40);
            case SHA256 -> hash(kind, "SHA256", hashKey("'SHA-256'", "SHA256"), 64);
            case MULTI_HASH -> multiHash();
            case OR_LIST -> orList();
            case SHA512_ONLY -> sha512();
            case YARA -> yara();
            case SIGMA -> sigma();
            case PLANTED_BAD -> planted(0);
        };
    }

    /** A short unique token, for names of other objects. */
    String token() {
        return values.hex(8);
    }

    /** Distinct spellings of the planted hashes: three hashes, two key forms, two cases. */
    static final int MAX_PLANTED = 12;

    /** The n-th planted bad Indicator: an empty-file hash, spelled differently each time. */
    IndicatorDraft planted(int index) {
        IocValue bad = EMPTY_FILE_HASHES.get(index % 3);
        int variant = index / 3;
        List<String> keys =
                switch (bad.type()) {
                    case "MD5" -> List.of("MD5", "'MD5'");
                    case "SHA1" -> List.of("'SHA-1'", "SHA1");
                    default -> List.of("'SHA-256'", "SHA256");
                };
        String hex = variant >= 2 ? bad.value().toUpperCase(Locale.ROOT) : bad.value();
        String pattern = "[file:hashes." + keys.get(variant % 2) + " = '" + hex + "']";
        return new IndicatorDraft(
                IndicatorKind.PLANTED_BAD,
                bad.value(),
                pattern,
                "stix",
                "StixFile",
                fileObservable(bad.type(), bad.value()),
                List.of(bad));
    }

    private IndicatorDraft ipv4(String suffix) {
        String address = values.ipv4();
        String pattern = "[ipv4-addr:value = '" + address + suffix + "']";
        IndicatorKind kind = suffix.isEmpty() ? IndicatorKind.IPV4 : IndicatorKind.IPV4_CIDR32;
        return single(kind, address + suffix, pattern, "IPv4-Addr", new IocValue("IPV4", address));
    }

    private IndicatorDraft ipv4Wide() {
        String address = values.ipv4();
        String network = address.substring(0, address.lastIndexOf('.')) + ".0/24";
        String pattern = "[ipv4-addr:value = '" + network + "']";
        return unmappable(IndicatorKind.IPV4_CIDR_WIDE, network, pattern, "IPv4-Addr");
    }

    private IndicatorDraft ipv6(String suffix) {
        int[] hextets = values.ipv6();
        String canonical = Ipv6Text.canonical(hextets);
        String written = random.nextBoolean() ? Ipv6Text.expanded(hextets) : canonical;
        String pattern = "[ipv6-addr:value = '" + written + suffix + "']";
        IndicatorKind kind = suffix.isEmpty() ? IndicatorKind.IPV6 : IndicatorKind.IPV6_CIDR128;
        return single(
                kind, written + suffix, pattern, "IPv6-Addr", new IocValue("IPV6", canonical));
    }

    private IndicatorDraft ipv6Wide() {
        int[] hextets = values.ipv6();
        String network = "2001:db8:" + Integer.toHexString(hextets[2]) + "::/48";
        String pattern = "[ipv6-addr:value = '" + network + "']";
        return unmappable(IndicatorKind.IPV6_CIDR_WIDE, network, pattern, "IPv6-Addr");
    }

    private IndicatorDraft dns(IndicatorKind kind, String object, String type, String name) {
        String written = values.mixedCase(name);
        String pattern = "[" + object + ":value = '" + written + "']";
        IocValue ioc = new IocValue("DNS", name.toLowerCase(Locale.ROOT));
        return single(kind, written, pattern, type, ioc);
    }

    private IndicatorDraft url() {
        String url = values.url();
        String pattern = "[url:value = '" + url + "']";
        return single(IndicatorKind.URL, url, pattern, "Url", new IocValue("URL", url));
    }

    private IndicatorDraft hash(IndicatorKind kind, String type, String key, int length) {
        String hex = values.hex(length);
        String pattern = "[file:hashes." + key + " = '" + values.upperOrLower(hex) + "']";
        ArrayNode observables = fileObservable(type, hex);
        List<IocValue> iocs = List.of(new IocValue(type, hex));
        return new IndicatorDraft(kind, hex, pattern, "stix", "StixFile", observables, iocs);
    }

    private IndicatorDraft multiHash() {
        String md5 = values.hex(32);
        String sha256 = values.hex(64);
        String pattern =
                "[file:hashes.MD5 = '"
                        + md5
                        + "' AND file:hashes."
                        + hashKey("'SHA-256'", "SHA256")
                        + " = '"
                        + values.upperOrLower(sha256)
                        + "']";
        ArrayNode observables = fileObservable("MD5", md5);
        ((ObjectNode) observables.get(0)).withObjectProperty("hashes").put("SHA-256", sha256);
        List<IocValue> iocs = List.of(new IocValue("MD5", md5), new IocValue("SHA256", sha256));
        return new IndicatorDraft(
                IndicatorKind.MULTI_HASH, md5, pattern, "stix", "StixFile", observables, iocs);
    }

    private IndicatorDraft orList() {
        String first = values.ipv4();
        String domain = values.domain();
        boolean across = random.nextBoolean();
        String pattern =
                across
                        ? "[ipv4-addr:value = '"
                                + first
                                + "'] OR [domain-name:value = '"
                                + domain
                                + "']"
                        : "[ipv4-addr:value = '"
                                + first
                                + "' OR domain-name:value = '"
                                + domain
                                + "']";
        ArrayNode observables = Stix.JSON.createArrayNode();
        observables.addObject().put("type", "IPv4-Addr").put("value", first);
        observables.addObject().put("type", "Domain-Name").put("value", domain);
        List<IocValue> iocs =
                List.of(
                        new IocValue("IPV4", first),
                        new IocValue("DNS", domain.toLowerCase(Locale.ROOT)));
        return new IndicatorDraft(
                IndicatorKind.OR_LIST, first, pattern, "stix", "IPv4-Addr", observables, iocs);
    }

    private IndicatorDraft sha512() {
        String hex = values.hex(128);
        String pattern = "[file:hashes.'SHA-512' = '" + hex + "']";
        return new IndicatorDraft(
                IndicatorKind.SHA512_ONLY,
                hex,
                pattern,
                "stix",
                "StixFile",
                fileObservable("SHA-512", hex),
                List.of());
    }

    private IndicatorDraft yara() {
        String rule = "ctipipe_" + values.word() + "_" + values.hex(8);
        String pattern =
                "rule "
                        + rule
                        + " {\n  strings:\n    $a = \""
                        + values.word()
                        + "\"\n  condition:\n    $a\n}";
        return new IndicatorDraft(
                IndicatorKind.YARA,
                rule,
                pattern,
                "yara",
                "StixFile",
                Stix.JSON.createArrayNode(),
                List.of());
    }

    private IndicatorDraft sigma() {
        String title = "Suspicious " + values.word() + " process " + values.hex(6);
        String pattern =
                "title: "
                        + title
                        + "\nlogsource:\n  category: process_creation\n"
                        + "detection:\n  selection:\n    Image|endswith: '\\\\"
                        + values.word()
                        + ".exe'\n  condition: selection";
        return new IndicatorDraft(
                IndicatorKind.SIGMA,
                title,
                pattern,
                "sigma",
                "Unknown",
                Stix.JSON.createArrayNode(),
                List.of());
    }

    private IndicatorDraft single(
            IndicatorKind kind, String name, String pattern, String type, IocValue ioc) {
        ArrayNode observables = Stix.JSON.createArrayNode();
        observables.addObject().put("type", type).put("value", name);
        return new IndicatorDraft(kind, name, pattern, "stix", type, observables, List.of(ioc));
    }

    private static IndicatorDraft unmappable(
            IndicatorKind kind, String name, String pattern, String type) {
        ArrayNode observables = Stix.JSON.createArrayNode();
        observables.addObject().put("type", type).put("value", name);
        return new IndicatorDraft(
                kind, name, pattern, "stix", type, observables, new ArrayList<>());
    }

    private static ArrayNode fileObservable(String type, String hex) {
        ArrayNode observables = Stix.JSON.createArrayNode();
        String algorithm =
                switch (type) {
                    case "SHA1" -> "SHA-1";
                    case "SHA256" -> "SHA-256";
                    default -> type;
                };
        observables.addObject().put("type", "StixFile").putObject("hashes").put(algorithm, hex);
        return observables;
    }

    private String hashKey(String first, String second) {
        return random.nextBoolean() ? first : second;
    }
}
