package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRedactorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Authorization: ApiToken abcDEF123456 | Authorization: ApiToken [hidden]",
                "Authorization: Bearer eyJhbGciOi.x.y | Authorization: Bearer [hidden]",
                "APIToken s3cr3tvalue | APIToken [hidden]",
                "{\"api_key\":\"0123456789\"} | {\"api_key\":\"[hidden]\"}",
                "password=hunter2hunter | password=[hidden]",
                "bearer   abcdefghijkl rest | bearer   [hidden] rest"
            })
    void hidesCredentialValues(String text, String expected) {
        assertThat(SecretRedactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SentinelOne unavailable after 5 attempts",
                "HTTP 401: check the token",
                "already [hidden] token: [hidden]"
            })
    void leavesOtherTextAlone(String text) {
        assertThat(SecretRedactor.redact(text)).isEqualTo(text);
    }
}
