package io.ctipipe.emulator.opencti.internals;

/**
 * The kinds of Indicator the generator produces, with their share of the traffic and whether a
 * correct mapper turns them into IOCs.
 */
public enum IndicatorKind {
    IPV4(15, true),
    IPV4_CIDR32(4, true),
    IPV4_CIDR_WIDE(3, false),
    IPV6(6, true),
    IPV6_CIDR128(2, true),
    IPV6_CIDR_WIDE(2, false),
    DOMAIN(12, true),
    HOSTNAME(5, true),
    URL(10, true),
    MD5(6, true),
    SHA1(6, true),
    SHA256(10, true),
    MULTI_HASH(4, true),
    OR_LIST(4, true),
    SHA512_ONLY(3, false),
    YARA(3, false),
    SIGMA(3, false),
    /** An empty-file hash: maps, but SentinelOne rejects it. Only made on request. */
    PLANTED_BAD(0, true);

    private final int weight;
    private final boolean mappable;

    IndicatorKind(int weight, boolean mappable) {
        this.weight = weight;
        this.mappable = mappable;
    }

    int weight() {
        return weight;
    }

    boolean mappable() {
        return mappable;
    }

    /** Kinds whose value a pattern edit can replace with another of the same kind. */
    boolean editable() {
        return this == IPV4 || this == DOMAIN || this == URL || this == SHA256;
    }
}
