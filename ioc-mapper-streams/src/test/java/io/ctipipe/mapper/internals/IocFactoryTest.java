package io.ctipipe.mapper.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.ioc.Ioc;
import java.util.List;
import org.junit.jupiter.api.Test;

class IocFactoryTest {
    private final IocFactory factory = new IocFactory("Intel Feed");

    @Test
    void cutsLongDescriptionsToTheDocumentedLength() {
        Indicator indicator = indicator("x".repeat(5000), "name");

        Ioc ioc = factory.create(List.of(new IocValue("DNS", "a.example")), indicator).get(0);

        assertThat(ioc.description()).hasSize(IocFactory.MAX_DESCRIPTION);
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String description = "x".repeat(IocFactory.MAX_DESCRIPTION - 1) + "\uD83D\uDE00 tail";

        String trimmed = IocFactory.trim(description);

        assertThat(trimmed).hasSize(IocFactory.MAX_DESCRIPTION - 1).doesNotContain("\uD83D");
    }

    @Test
    void namesAnUnnamedIndicatorByTheIocValueAndOmitsAbsentFields() {
        Indicator indicator = indicator(null, null);

        Ioc ioc = factory.create(List.of(new IocValue("IPV4", "203.0.113.1")), indicator).get(0);

        assertThat(ioc.name()).isEqualTo("203.0.113.1");
        assertThat(ioc.description()).isNull();
        assertThat(ioc.labels()).isNull();
        assertThat(ioc.source()).isEqualTo("Intel Feed");
        assertThat(ioc.patternType()).isEqualTo("STIX");
    }

    private static Indicator indicator(String description, String name) {
        return new Indicator(
                "internal",
                "indicator--1",
                name,
                description,
                "[domain-name:value = 'a.example']",
                "stix",
                "2024-01-01T00:00:00Z",
                null,
                null,
                List.of(),
                List.of(),
                false,
                50,
                true);
    }
}
