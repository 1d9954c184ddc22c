package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.Secret;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = new Redactor(Secret.of("s3cr3t-token-value"));

    @Test
    void hidesTheApiKeyAndTokenShapedValues() {
        String body = "{\"echo\":\"s3cr3t-token-value\",\"auth\":\"ApiToken abcdefghijkl\"}";

        String snippet = redactor.snippet(body);

        assertThat(snippet).doesNotContain("s3cr3t-token-value", "abcdefghijkl");
        assertThat(snippet).contains("[hidden]");
    }

    @Test
    void cutsTheSnippetTo500Characters() {
        assertThat(redactor.snippet("x".repeat(2000))).hasSize(Redactor.MAX_SNIPPET);
        assertThat(redactor.snippet(null)).isEmpty();
    }
}
