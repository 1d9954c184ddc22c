package io.ctipipe.mapper.internals;

/**
 * Why an Indicator could not be mapped: the short code in the {@code ctipipe.skip.reason} header of
 * the skipped topic, in the {@code ctipipe map} output and in the skipped-records metric.
 */
public enum SkipReason {
    /** pattern_type is not stix (yara, sigma, snort, ...). */
    UNSUPPORTED_PATTERN_TYPE("unsupported-pattern-type"),
    /** The pattern is not valid STIX 2.1 patterning, or is missing. */
    SYNTAX_ERROR("syntax-error"),
    /** An operator other than {@code =}, a NOT, or EXISTS. */
    UNSUPPORTED_OPERATOR("unsupported-operator"),
    /** FOLLOWEDBY between observations. */
    FOLLOWEDBY("followedby"),
    /** WITHIN, REPEATS or START/STOP. */
    QUALIFIER("qualifier"),
    /** An AND other than hashes of one file inside one observation. */
    MIXED_AND("mixed-and"),
    /** An object or property SentinelOne has no IOC type for (file:name, email-addr, ...). */
    UNSUPPORTED_OBJECT("unsupported-object"),
    /** A hash algorithm other than MD5, SHA-1 and SHA-256. */
    UNSUPPORTED_HASH("unsupported-hash"),
    /** A malformed address, a hash of the wrong length, a URL in a domain field, ... */
    INVALID_VALUE("invalid-value"),
    /** A CIDR wider than one address (/32 for IPv4, /128 for IPv6). */
    CIDR_TOO_WIDE("cidr-too-wide"),
    /**
     * The envelope's {@code version} is not 4, so the event is not read at all; unlike the other
     * skips it deletes nothing, since nobody knows what it says.
     */
    UNSUPPORTED_ENVELOPE_VERSION("unsupported-envelope-version");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
