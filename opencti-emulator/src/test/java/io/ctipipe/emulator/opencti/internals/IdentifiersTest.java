package io.ctipipe.emulator.opencti.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void uuidV5MatchesTheRfcExample() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(UuidV5.of(dns, "python.org"))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    @Test
    void indicatorIdFollowsThePattern() {
        String first = StixFactory.indicatorId("[ipv4-addr:value = '203.0.113.42']");
        String again = StixFactory.indicatorId("[ipv4-addr:value = '203.0.113.42']");
        String other = StixFactory.indicatorId("[ipv4-addr:value = '203.0.113.43']");

        assertThat(first).startsWith("indicator--").isEqualTo(again).isNotEqualTo(other);
        assertThat(UUID.fromString(first.substring(11)).version()).isEqualTo(5);
    }

    @Test
    void canonicalIpv6CompressesTheLongestZeroRunAndDropsLeadingZeros() {
        int[] address = {0x2001, 0x0db8, 0, 0, 0x0001, 0, 0, 0x00ab};

        assertThat(Ipv6Text.canonical(address)).isEqualTo("2001:db8::1:0:0:ab");
        assertThat(Ipv6Text.expanded(address)).isEqualTo("2001:0DB8:0000:0000:0001:0000:0000:00AB");
        assertThat(Ipv6Text.canonical(new int[] {0x2001, 0xdb8, 0, 1, 2, 3, 4, 5}))
                .isEqualTo("2001:db8:0:1:2:3:4:5");
        assertThat(Ipv6Text.canonical(new int[] {0x2001, 0xdb8, 1, 0, 0, 0, 0, 0}))
                .isEqualTo("2001:db8:1::");
    }

    @Test
    void streamIdsCompareAsNumbers() {
        assertThat(StreamId.parse("10-0")).isGreaterThan(StreamId.parse("9-99"));
        assertThat(StreamId.parse("10-2")).isGreaterThan(StreamId.parse("10-1"));
        assertThatThrownBy(() -> StreamId.parse("2024-06-10"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startPositionsAreReadLikeThePlatformReadsThem() {
        assertThat(StreamRequest.position("0")).contains(StreamId.ZERO);
        assertThat(StreamRequest.position("0-0")).contains(StreamId.ZERO);
        assertThat(StreamRequest.position("1718003600123-4"))
                .contains(new StreamId(1718003600123L, 4));
        assertThat(StreamRequest.position("2024-06-10T07:13:20.123Z"))
                .contains(new StreamId(1718003600123L, 0));
        assertThat(StreamRequest.position("2024-06-10")).contains(new StreamId(1717977600000L, 0));
        assertThat(StreamRequest.position("1620249512599")).isEmpty();
        assertThat(StreamRequest.position("yesterday")).isEmpty();
    }
}
