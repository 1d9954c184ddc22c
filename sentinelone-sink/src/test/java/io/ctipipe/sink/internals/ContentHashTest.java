package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.Ioc;
import org.junit.jupiter.api.Test;

class ContentHashTest {
    private final Ioc ioc = Fixtures.ioc("IPV4", "192.0.2.1", "indicator--a");

    @Test
    void isSixteenHexCharacters() {
        String hash = ContentHash.of(ioc);

        assertThat(hash).matches("[0-9a-f]{16}");
    }

    @Test
    void equalIocsHashEqually() {
        Ioc same = Fixtures.ioc("IPV4", "192.0.2.1", "indicator--a");

        assertThat(ContentHash.of(same)).isEqualTo(ContentHash.of(ioc));
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        Ioc otherValue = Fixtures.ioc("IPV4", "192.0.2.2", "indicator--a");
        Ioc otherName = Fixtures.renamed(ioc, "another name");

        assertThat(ContentHash.of(otherValue)).isNotEqualTo(ContentHash.of(ioc));
        assertThat(ContentHash.of(otherName)).isNotEqualTo(ContentHash.of(ioc));
    }
}
