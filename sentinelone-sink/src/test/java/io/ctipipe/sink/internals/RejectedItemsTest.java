package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectedItemsTest {

    @Test
    void readsItemsFromAJsonDetailString() {
        String body =
                "{\"errors\":[{\"code\":4000010,\"title\":\"Validation Error\",\"detail\":"
                        + "\"{\\\"errors\\\": [{\\\"value\\\": \\\"ABC\\\", "
                        + "\\\"type\\\": \\\"md5\\\"}]}\"}]}";

        assertThat(RejectedItems.parse(body)).containsExactly("MD5:abc");
    }

    @Test
    void readsItemsFromAPythonReprDetail() {
        String body =
                "{\"errors\":[{\"code\":4000010,\"detail\":"
                        + "\"{'errors': [{'value': '1.2.3.4', 'type': 'IPV4', 'x': None}]}\"}]}";

        assertThat(RejectedItems.parse(body)).containsExactly("IPV4:1.2.3.4");
    }

    @Test
    void readsItemsFromAnObjectOrListDetail() {
        String body =
                "{\"errors\":[{\"detail\":{\"errors\":[{\"value\":\"a.b\",\"type\":\"DNS\"}]}},"
                        + "{\"detail\":[{\"value\":\"c.d\",\"type\":\"DNS\"}]}]}";

        assertThat(RejectedItems.parse(body)).containsExactlyInAnyOrder("DNS:a.b", "DNS:c.d");
    }

    @Test
    void findsNothingInAnErrorThatNamesNoItem() {
        String body =
                "{\"errors\":[{\"code\":4000010,"
                        + "\"detail\":\"data: Length must be between 1 and 2.\"}]}";

        assertThat(RejectedItems.parse(body)).isEmpty();
        assertThat(RejectedItems.parse("<html>bad gateway</html>")).isEmpty();
        assertThat(RejectedItems.parse(null)).isEmpty();
    }
}
