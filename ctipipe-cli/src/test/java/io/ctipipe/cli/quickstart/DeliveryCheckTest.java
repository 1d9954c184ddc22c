package io.ctipipe.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryCheckTest {
    private static final IocIdentity IP = new IocIdentity("indicator--1", "IPV4", "203.0.113.7");
    private static final IocIdentity DNS = new IocIdentity("indicator--2", "DNS", "evil.example");
    private static final IocIdentity BAD =
            new IocIdentity("indicator--3", "MD5", "d41d8cd98f00b204e9800998ecf8427e");

    @Test
    void passesWhenHeldAndDeadLetteredMatchTheGroundTruth() {
        DeliveryCheck check =
                DeliveryCheck.compare(Set.of(IP, DNS), List.of(DNS, IP), Set.of(BAD), List.of(BAD));

        assertThat(check.passed()).isTrue();
        assertThat(check.describe()).isEmpty();
    }

    @Test
    void reportsMissingExtraAndDuplicates() {
        IocIdentity stray = new IocIdentity("indicator--9", "URL", "http://x");

        DeliveryCheck check =
                DeliveryCheck.compare(Set.of(IP, DNS), List.of(IP, IP, stray), Set.of(), List.of());

        assertThat(check.passed()).isFalse();
        assertThat(check.missing()).containsExactly(DNS);
        assertThat(check.extra()).containsExactly(stray);
        assertThat(check.duplicated()).containsExactly(IP);
        assertThat(check.describe()).contains("1 missing from SentinelOne:");
    }

    @Test
    void failsWhenAPlantedBadValueWasDroppedInsteadOfDeadLettered() {
        DeliveryCheck check =
                DeliveryCheck.compare(Set.of(IP), List.of(IP), Set.of(BAD), List.of());

        assertThat(check.passed()).isFalse();
        assertThat(check.rejectedNotDeadLettered()).containsExactly(BAD);
    }
}
