package io.ctipipe.ingester.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventKeysTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keysByTheOpenCtiInternalId() {
        byte[] data =
                utf8(
                        "{\"data\":{\"id\":\"indicator--1\",\"extensions\":{\""
                                + EventKeys.OPENCTI_EXTENSION
                                + "\":{\"id\":\"b7d5c1a2\"}}}}");

        assertThat(EventKeys.keyOf(data)).isEqualTo(utf8("b7d5c1a2"));
    }

    @Test
    void fallsBackToTheStixIdThenToNoKey() {
        assertThat(EventKeys.keyOf(utf8("{\"data\":{\"id\":\"identity--9\"}}")))
                .isEqualTo(utf8("identity--9"));
        assertThat(EventKeys.keyOf(utf8("{\"data\":{}}"))).isNull();
        assertThat(EventKeys.keyOf(utf8("not json"))).isNull();
    }
}
