package io.ctipipe.emulator.sentinelone.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IocValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "MD5, 0123456789abcdef0123456789ABCDEF, true",
        "MD5, 0123456789abcdef, false",
        "MD5, d41d8cd98f00b204e9800998ecf8427e, false",
        "SHA1, da39a3ee5e6b4b0d3255bfef95601890afd80709, false",
        "SHA1, 0123456789abcdef0123456789abcdef01234567, true",
        "SHA256, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, false",
        "SHA256, zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, false",
        "IPV4, 203.0.113.7, true",
        "IPV4, 203.0.113.256, false",
        "IPV4, 10.0.0.0/24, false",
        "IPV6, 2001:db8::1, true",
        "IPV6, 2001:db8::zz, false",
        "DNS, evil.example.com, true",
        "DNS, bad..example, false",
        "URL, http://evil.example/x?y=1, true",
        "URL, http://evil example, false",
        "md5, 0123456789abcdef0123456789abcdef, false"
    })
    void checksTheValueAgainstTheType(String type, String value, boolean valid) {
        ObjectNode item = JSON.createObjectNode();
        item.put("type", type).put("value", value).put("method", "EQUALS").put("source", "s");

        assertThat(IocValidator.problem(item).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "method, CONTAINS",
        "source, ''",
        "validUntil, next tuesday",
    })
    void rejectsAWrongMethodAMissingSourceOrAnUnreadableValidUntil(String field, String value) {
        ObjectNode item = JSON.createObjectNode();
        item.put("type", "DNS").put("value", "a.b").put("method", "EQUALS").put("source", "s");
        item.put(field, value);

        assertThat(IocValidator.problem(item)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-04-28T08:17:48.062976Z",
        "2026-04-28T08:17:48Z",
        "2021-03-20 09:14:47.779000",
        "2021-03-20 09:14:47",
    })
    void acceptsTheValidUntilFormsSeenInTheField(String validUntil) {
        ObjectNode item = JSON.createObjectNode();
        item.put("type", "DNS").put("value", "a.b").put("method", "EQUALS").put("source", "s");
        item.put("validUntil", validUntil);

        assertThat(IocValidator.problem(item)).isEmpty();
    }
}
