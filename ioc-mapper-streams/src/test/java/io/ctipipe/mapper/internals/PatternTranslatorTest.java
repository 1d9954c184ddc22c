package io.ctipipe.mapper.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mapping table: each row is a pattern and either the IOCs it must yield ({@code TYPE:value}),
 * followed by the reason of each OR branch it must drop ({@code drop:reason}), or the reason it
 * must be skipped with ({@code skip:reason}).
 */
class PatternTranslatorTest {
    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SHA512 =
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a9"
                    + "21d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

    static Stream<Arguments> ipv4() {
        return Stream.of(
                row("[ipv4-addr:value = '203.0.113.42']", "IPV4:203.0.113.42"),
                row("[ipv4-addr:value = '10.0.0.1/32']", "IPV4:10.0.0.1"),
                row("[ipv4-addr:value = '10.0.0.0/24']", "skip:cidr-too-wide"),
                row("[ipv4-addr:value = '0.0.0.0/0']", "skip:cidr-too-wide"),
                row("[ipv4-addr:value = '10.0.0.0/33']", "skip:invalid-value"),
                row("[ipv4-addr:value = '10.0.0.0/']", "skip:invalid-value"),
                row("[ipv4-addr:value = '256.1.1.1']", "skip:invalid-value"),
                row("[ipv4-addr:value = '1.2.3']", "skip:invalid-value"),
                row("[ipv4-addr:value = '010.0.0.1']", "skip:invalid-value"),
                row("[ipv4-addr:value = 'evil.example.com']", "skip:invalid-value"),
                row("[ipv4-addr:value = ' 198.51.100.7 ']", "IPV4:198.51.100.7"),
                row("[ipv4-addr:value = 42]", "skip:invalid-value"));
    }

    static Stream<Arguments> ipv6() {
        return Stream.of(
                row("[ipv6-addr:value = '2001:DB8:0:0:0:0:0:1']", "IPV6:2001:db8::1"),
                row(
                        "[ipv6-addr:value = '2001:0db8:0000:0000:0001:0000:0000:0001']",
                        "IPV6:2001:db8::1:0:0:1"),
                row("[ipv6-addr:value = '2001:db8:0:1:1:1:1:1']", "IPV6:2001:db8:0:1:1:1:1:1"),
                row("[ipv6-addr:value = '0:0:1:0:0:0:1:0']", "IPV6:0:0:1::1:0"),
                row("[ipv6-addr:value = '::1']", "IPV6:::1"),
                row("[ipv6-addr:value = '1:2:3:4:5:6:7::']", "IPV6:1:2:3:4:5:6:7:0"),
                row("[ipv6-addr:value = '::1:2:3:4:5:6:7']", "IPV6:0:1:2:3:4:5:6:7"),
                row("[ipv6-addr:value = '1:2:3:4:5:6:1.2.3.4']", "IPV6:1:2:3:4:5:6:102:304"),
                row("[ipv6-addr:value = '1:2:3:4:5:6:7:8::']", "skip:invalid-value"),
                row("[ipv6-addr:value = ':1:2:3:4:5:6:7']", "skip:invalid-value"),
                row("[ipv6-addr:value = '::']", "IPV6:::"),
                row("[ipv6-addr:value = 'FE80::0:0:0:ABCD']", "IPV6:fe80::abcd"),
                row("[ipv6-addr:value = '::ffff:192.0.2.1']", "IPV6:::ffff:192.0.2.1"),
                row("[ipv6-addr:value = '64:ff9b::192.0.2.33']", "IPV6:64:ff9b::c000:221"),
                row("[ipv6-addr:value = '2001:db8::1/128']", "IPV6:2001:db8::1"),
                row("[ipv6-addr:value = '2001:db8::/32']", "skip:cidr-too-wide"),
                row("[ipv6-addr:value = '2001:db8::/129']", "skip:invalid-value"),
                row("[ipv6-addr:value = '2001:db8::g']", "skip:invalid-value"),
                row("[ipv6-addr:value = '1::2::3']", "skip:invalid-value"),
                row("[ipv6-addr:value = '1:2:3:4:5:6:7:8:9']", "skip:invalid-value"),
                row("[ipv6-addr:value = 'fe80::1%eth0']", "skip:invalid-value"),
                row("[ipv6-addr:value = '203.0.113.1']", "skip:invalid-value"));
    }

    static Stream<Arguments> domainsAndUrls() {
        return Stream.of(
                row("[domain-name:value = 'Evil.Example.COM']", "DNS:evil.example.com"),
                row("[hostname:value = 'c2.example.net']", "DNS:c2.example.net"),
                row("[domain-name:value = 'evil.example.com.']", "DNS:evil.example.com"),
                row("[domain-name:value = '_dmarc.example.com']", "DNS:_dmarc.example.com"),
                row("[domain-name:value = 'http://evil.example.com/x']", "skip:invalid-value"),
                row("[domain-name:value = '203.0.113.5']", "skip:invalid-value"),
                row("[domain-name:value = '-bad.example.com']", "skip:invalid-value"),
                row("[domain-name:value = '*.example.com']", "skip:invalid-value"),
                row("[domain-name:value = 'a..example.com']", "skip:invalid-value"),
                row(
                        "[url:value = 'http://evil.example.com/x?a=1']",
                        "URL:http://evil.example.com/x?a=1"),
                row(
                        "[url:value = 'https://Evil.Example.com/Path']",
                        "URL:https://Evil.Example.com/Path"),
                row(
                        "[url:value = 'http://evil.example.com/it\\'s']",
                        "URL:http://evil.example.com/it's"),
                row(
                        "[url:value = 'http://evil.example.com/a\\\\b']",
                        "URL:http://evil.example.com/a\\b"),
                row("[url:value = 'http://a b.example.com']", "skip:invalid-value"),
                row("[url:value = '']", "skip:invalid-value"));
    }

    static Stream<Arguments> hashes() {
        String upper = SHA256.toUpperCase(Locale.ROOT);
        return Stream.of(
                row("[file:hashes.'SHA-256' = '" + upper + "']", "SHA256:" + SHA256),
                row("[file:hashes.SHA-256 = '" + SHA256 + "']", "SHA256:" + SHA256),
                row("[file:hashes.SHA256 = '" + SHA256 + "']", "SHA256:" + SHA256),
                row("[file:hashes.sha256 = '" + SHA256 + "']", "SHA256:" + SHA256),
                row("[file:hashes.'sha-256' = '" + SHA256 + "']", "SHA256:" + SHA256),
                row("[file:hashes.MD5 = '" + MD5 + "']", "MD5:" + MD5),
                row("[file:hashes.md5 = '" + MD5 + "']", "MD5:" + MD5),
                row("[file:hashes.'md5' = '" + MD5 + "']", "MD5:" + MD5),
                row("[file:hashes.'SHA-1' = '" + SHA1 + "']", "SHA1:" + SHA1),
                row("[file:hashes.SHA-1 = '" + SHA1 + "']", "SHA1:" + SHA1),
                row("[file:hashes.SHA1 = '" + SHA1 + "']", "SHA1:" + SHA1),
                row("[file:hashes.sha1 = '" + SHA1 + "']", "SHA1:" + SHA1),
                row("[file:hashes.'SHA-512' = '" + SHA512 + "']", "skip:unsupported-hash"),
                row("[file:hashes.SHA512 = '" + SHA512 + "']", "skip:unsupported-hash"),
                row("[file:hashes.'SSDEEP' = '3:a:b']", "skip:unsupported-hash"),
                row("[file:hashes.MD5 = 'abc']", "skip:invalid-value"),
                row("[file:hashes.'SHA-256' = '" + MD5 + "']", "skip:invalid-value"),
                row("[file:hashes.MD5 = '" + "z".repeat(32) + "']", "skip:invalid-value"),
                row("[file:hashes.MD5 == '" + MD5 + "']", "MD5:" + MD5));
    }

    static Stream<Arguments> orAndAnd() {
        return Stream.of(
                row(
                        "[ipv4-addr:value = '1.1.1.1' OR ipv4-addr:value = '2.2.2.2']",
                        "IPV4:1.1.1.1",
                        "IPV4:2.2.2.2"),
                row(
                        "[domain-name:value = 'a.example.com']"
                                + " OR [url:value = 'http://b.example/']",
                        "DNS:a.example.com",
                        "URL:http://b.example/"),
                row(
                        "[ipv4-addr:value = '1.1.1.1'] OR [ipv4-addr:value = '10.0.0.0/8']",
                        "IPV4:1.1.1.1",
                        "drop:cidr-too-wide"),
                row(
                        "[ipv4-addr:value = '1.1.1.1' OR file:name = 'x.exe']",
                        "IPV4:1.1.1.1",
                        "drop:unsupported-object"),
                row(
                        "[ipv4-addr:value = '1.1.1.1'] OR [ipv4-addr:value = '1.1.1.1/32']",
                        "IPV4:1.1.1.1"),
                row(
                        "[domain-name:value = 'A.example.com'"
                                + " OR domain-name:value = 'a.example.com']",
                        "DNS:a.example.com"),
                row(
                        "[file:hashes.MD5 = '"
                                + MD5
                                + "' AND file:hashes.'SHA-256' = '"
                                + SHA256
                                + "']",
                        "MD5:" + MD5,
                        "SHA256:" + SHA256),
                row(
                        "[file:hashes.MD5 = '"
                                + MD5
                                + "' AND file:hashes.SHA1 = '"
                                + SHA1
                                + "' AND file:hashes.SHA256 = '"
                                + SHA256
                                + "']",
                        "MD5:" + MD5,
                        "SHA1:" + SHA1,
                        "SHA256:" + SHA256),
                row(
                        "[file:hashes.MD5 = '" + MD5 + "' OR file:hashes.SHA1 = '" + SHA1 + "']",
                        "MD5:" + MD5,
                        "SHA1:" + SHA1),
                row("[file:hashes.MD5 = '" + MD5 + "' AND file:name = 'x.exe']", "skip:mixed-and"),
                row(
                        "[file:hashes.MD5 = '" + MD5 + "'] AND [file:hashes.SHA1 = '" + SHA1 + "']",
                        "skip:mixed-and"),
                row(
                        "[ipv4-addr:value = '1.1.1.1' AND ipv4-addr:value = '2.2.2.2']",
                        "skip:mixed-and"),
                row(
                        "[file:hashes.MD5 = '"
                                + MD5
                                + "' AND file:hashes.'SHA-512' = '"
                                + SHA512
                                + "']",
                        "skip:unsupported-hash"),
                row(
                        "[file:hashes.MD5 = '"
                                + MD5
                                + "' AND (file:hashes.SHA1 = '"
                                + SHA1
                                + "' OR file:hashes.SHA256 = '"
                                + SHA256
                                + "')]",
                        "skip:mixed-and"));
    }

    static Stream<Arguments> orWithUnmappableBranches() {
        String ip = "[ipv4-addr:value = '1.1.1.1']";
        return Stream.of(
                row(
                        "[ipv4-addr:value = '198.51.100.0/24'] OR [ipv4-addr:value = '203.0.113.5']",
                        "IPV4:203.0.113.5",
                        "drop:cidr-too-wide"),
                row(
                        "[file:hashes.'SHA-512' = '"
                                + SHA512
                                + "' OR file:hashes.MD5 = '"
                                + MD5
                                + "']",
                        "MD5:" + MD5,
                        "drop:unsupported-hash"),
                row(
                        "[ipv6-addr:value = '2001:db8::/32' OR domain-name:value = 'a.example.com'"
                                + " OR url:value = 'http://a b.example.com' OR ipv4-addr:value = 42]",
                        "DNS:a.example.com",
                        "drop:cidr-too-wide",
                        "drop:invalid-value",
                        "drop:invalid-value"),
                row(
                        "[file:name = 'x.exe'] OR [ipv4-addr:value = '10.0.0.0/8']",
                        "skip:unsupported-object"),
                row(
                        "[ipv4-addr:value = '10.0.0.0/8'] OR [file:name = 'x.exe']",
                        "skip:cidr-too-wide"),
                row(
                        "[ipv4-addr:value = '10.0.0.0/8'] OR [ipv4-addr:value != '1.1.1.1']",
                        "skip:unsupported-operator"),
                row(
                        "[ipv4-addr:value = '1.1.1.1' OR ipv4-addr:value != '2.2.2.2']",
                        "skip:unsupported-operator"),
                row(
                        "[ipv4-addr:value = '1.1.1.1' OR ipv4-addr:value NOT = '2.2.2.2']",
                        "skip:unsupported-operator"),
                row(
                        "[ipv4-addr:value = '1.1.1.1' OR EXISTS ipv4-addr:value]",
                        "skip:unsupported-operator"),
                row("[ipv4-addr:value = '1.1.1.1' OR file:size > 1000]", "skip:unsupported-object"),
                row(ip + " OR [ipv4-addr:value = '2.2.2.2'] WITHIN 300 SECONDS", "skip:qualifier"),
                row(
                        "(" + ip + " OR [ipv4-addr:value = '10.0.0.0/8']) REPEATS 2 TIMES",
                        "skip:qualifier"),
                row(
                        ip + " OR ([ipv4-addr:value = '2.2.2.2'] FOLLOWEDBY " + ip + ")",
                        "skip:followedby"),
                row(ip + " OR (" + ip + " AND [ipv4-addr:value = '2.2.2.2'])", "skip:mixed-and"),
                row(
                        "[ipv4-addr:value = '1.1.1.1' OR file:hashes.MD5 = '"
                                + MD5
                                + "' AND file:hashes.'SHA-512' = '"
                                + SHA512
                                + "']",
                        "skip:unsupported-hash"),
                row(
                        "[ipv4-addr:value = '1.1.1.1' OR file:hashes.MD5 = 'abc'"
                                + " AND file:hashes.SHA1 = '"
                                + SHA1
                                + "']",
                        "skip:invalid-value"),
                row(
                        "[ipv4-addr:value = '1.1.1.1' OR file:hashes.MD5 = '"
                                + MD5
                                + "' AND file:name = 'x.exe']",
                        "skip:mixed-and"));
    }

    static Stream<Arguments> unsupportedConstructs() {
        String ip = "[ipv4-addr:value = '1.1.1.1']";
        return Stream.of(
                row(ip + " FOLLOWEDBY [ipv4-addr:value = '2.2.2.2']", "skip:followedby"),
                row(ip + " WITHIN 300 SECONDS", "skip:qualifier"),
                row(ip + " REPEATS 5 TIMES", "skip:qualifier"),
                row(
                        ip + " START t'2024-01-01T00:00:00Z' STOP t'2024-02-01T00:00:00Z'",
                        "skip:qualifier"),
                row("[ipv4-addr:value != '1.1.1.1']", "skip:unsupported-operator"),
                row("[ipv4-addr:value NOT = '1.1.1.1']", "skip:unsupported-operator"),
                row("[ipv4-addr:value IN ('1.1.1.1', '2.2.2.2')]", "skip:unsupported-operator"),
                row("[url:value LIKE 'http://evil.%']", "skip:unsupported-operator"),
                row("[domain-name:value MATCHES '^evil']", "skip:unsupported-operator"),
                row("[ipv4-addr:value ISSUBSET '10.0.0.0/8']", "skip:unsupported-operator"),
                row("[ipv4-addr:value ISSUPERSET '10.0.0.1']", "skip:unsupported-operator"),
                row("[EXISTS file:hashes.MD5]", "skip:unsupported-operator"),
                row("[file:size > 1000]", "skip:unsupported-object"),
                row("[email-addr:value = 'a@example.com']", "skip:unsupported-object"),
                row("[IPV4-ADDR:value = '1.1.1.1']", "skip:unsupported-object"),
                row("[network-traffic:dst_ref.value = '1.1.1.1']", "skip:unsupported-object"),
                row("[file:hashes = '" + MD5 + "']", "skip:unsupported-object"));
    }

    static Stream<Arguments> syntaxAndWhitespace() {
        return Stream.of(
                row("[ipv4-addr:value = '1.1.1.1'", "skip:syntax-error"),
                row("garbage", "skip:syntax-error"),
                row("", "skip:syntax-error"),
                row("[file:hashes.SHA-256 = aa]", "skip:syntax-error"),
                row("[file:hashes.'SHA-256 = '" + SHA256 + "']", "skip:syntax-error"),
                row("[domain-name:value = \"evil.example.com\"]", "skip:syntax-error"),
                row("[url:value = 'http://x/\\d']", "skip:syntax-error"),
                row("  [ipv4-addr:value   =   '1.2.3.4']  \n", "IPV4:1.2.3.4"),
                row("[domain-name:value='evil.example.com']", "DNS:evil.example.com"),
                row(
                        "[ipv4-addr:value = '1.1.1.1'\n  OR\n\tipv4-addr:value = '2.2.2.2']",
                        "IPV4:1.1.1.1",
                        "IPV4:2.2.2.2"),
                row("([ipv4-addr:value = '1.1.1.1'])", "IPV4:1.1.1.1"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource({
        "ipv4",
        "ipv6",
        "domainsAndUrls",
        "hashes",
        "orAndAnd",
        "orWithUnmappableBranches",
        "unsupportedConstructs",
        "syntaxAndWhitespace"
    })
    void mapsStixPatternsByTheTable(String pattern, List<String> expected) {
        List<String> outcome = outcome("stix", pattern);

        assertThat(outcome).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yara", "sigma", "snort", "pcre"})
    void skipsOtherPatternTypes(String patternType) {
        List<String> outcome = outcome(patternType, "rule x { condition: true }");

        assertThat(outcome).containsExactly("skip:unsupported-pattern-type");
    }

    @Test
    void readsPatternTypeInAnyCase() {
        List<String> outcome = outcome("STIX", "[ipv4-addr:value = '1.2.3.4']");

        assertThat(outcome).containsExactly("IPV4:1.2.3.4");
    }

    @Test
    void explainsASkipInTheDetail() {
        UnmappableException skip =
                catchThrowableOfType(
                        UnmappableException.class,
                        () -> PatternTranslator.translate("stix", "[file:hashes.'SHA-512' = 'a']"));

        assertThat(skip.detail()).contains("SHA-512").contains("MD5, SHA-1 and SHA-256");
    }

    @Test
    void namesEachDroppedBranchByItsComparison() {
        Translation translation =
                PatternTranslator.translate(
                        "stix",
                        "[ipv4-addr:value = '198.51.100.0/24'] OR [ipv4-addr:value = '203.0.113.5']"
                                + " OR [file:hashes.'SHA-512' = '"
                                + SHA512
                                + "']");

        assertThat(translation.values()).containsExactly(new IocValue("IPV4", "203.0.113.5"));
        assertThat(translation.dropped())
                .containsExactly(
                        new DroppedBranch(
                                SkipReason.CIDR_TOO_WIDE, "ipv4-addr:value = '198.51.100.0/24'"),
                        new DroppedBranch(
                                SkipReason.UNSUPPORTED_HASH,
                                "file:hashes.'SHA-512' = '" + SHA512 + "'"));
    }

    @Test
    void skipsAnOrOfUnmappableBranchesWithTheFirstOnesDetail() {
        UnmappableException skip =
                catchThrowableOfType(
                        UnmappableException.class,
                        () ->
                                PatternTranslator.translate(
                                        "stix",
                                        "[ipv4-addr:value = '10.0.0.0/8'"
                                                + " OR domain-name:value = '*.example.com']"));

        assertThat(skip.reason()).isEqualTo(SkipReason.CIDR_TOO_WIDE);
        assertThat(skip.detail())
                .isEqualTo("'10.0.0.0/8' is a network, not one address; only /32 maps");
    }

    private static List<String> outcome(String patternType, String pattern) {
        try {
            Translation translation = PatternTranslator.translate(patternType, pattern);
            Stream<String> values =
                    translation.values().stream().map(value -> value.type() + ":" + value.value());
            Stream<String> dropped =
                    translation.dropped().stream().map(branch -> "drop:" + branch.reason().code());
            return Stream.concat(values, dropped).toList();
        } catch (UnmappableException e) {
            return List.of("skip:" + e.reason().code());
        }
    }

    private static Arguments row(String pattern, String... expected) {
        return Arguments.of(pattern, Arrays.asList(expected));
    }
}
