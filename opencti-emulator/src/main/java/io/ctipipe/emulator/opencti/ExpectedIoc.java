package io.ctipipe.emulator.opencti;

import java.util.Comparator;

/**
 * An IOC that SentinelOne must hold at the end (or must have refused, for planted bad ones).
 *
 * @param indicatorId the OpenCTI internal id of the Indicator
 * @param externalId the Indicator's final STIX id
 * @param type DNS, IPV4, IPV6, MD5, SHA1, SHA256 or URL
 * @param value normalised as the mapper normalises it
 */
public record ExpectedIoc(String indicatorId, String externalId, String type, String value)
        implements Comparable<ExpectedIoc> {

    private static final Comparator<ExpectedIoc> ORDER =
            Comparator.comparing(ExpectedIoc::indicatorId)
                    .thenComparing(ExpectedIoc::type)
                    .thenComparing(ExpectedIoc::value)
                    .thenComparing(ExpectedIoc::externalId);

    @Override
    public int compareTo(ExpectedIoc other) {
        return ORDER.compare(this, other);
    }
}
