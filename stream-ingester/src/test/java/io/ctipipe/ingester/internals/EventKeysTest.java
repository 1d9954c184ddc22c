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

    @Test
    void findsTheIdsWhereverTheyStandAmongOtherFields() {
        byte[] data =
                utf8(
                        "{\"message\":\"x\",\"data\":{\"labels\":[\"a\",{\"id\":\"no\"}],"
                                + "\"extensions\":{\"other\":{\"id\":\"no\"},\""
                                + EventKeys.OPENCTI_EXTENSION
                                + "\":{\"score\":50,\"id\":\"c0ffee\",\"x\":{\"id\":\"no\"}}},"
                                + "\"id\":\"indicator--2\"},\"version\":\"4\"}");

        assertThat(EventKeys.keyOf(data)).isEqualTo(utf8("c0ffee"));
    }

    @Test
    void fallsBackToTheStixIdWhenTheExtensionIdIsEmptyOrNull() {
        String extension = "\"extensions\":{\"" + EventKeys.OPENCTI_EXTENSION + "\":{\"id\":";

        assertThat(EventKeys.keyOf(utf8("{\"data\":{" + extension + "\"\"}},\"id\":\"i--3\"}}")))
                .isEqualTo(utf8("i--3"));
        assertThat(EventKeys.keyOf(utf8("{\"data\":{" + extension + "null}},\"id\":\"i--4\"}}")))
                .isEqualTo(utf8("i--4"));
    }

    @Test
    void hasNoKeyWithoutADataObject() {
        assertThat(EventKeys.keyOf(utf8("{\"data\":[1,2]}"))).isNull();
        assertThat(EventKeys.keyOf(utf8("{\"other\":{\"id\":\"x\"}}"))).isNull();
        assertThat(EventKeys.keyOf(utf8("[]"))).isNull();
        assertThat(EventKeys.keyOf(utf8("{\"data\":{\"id\":\"i--5\""))).isNull();
    }
}
