package io.ctipipe.mapper.internals;

/** Why a delete command was made: the {@code reason} field of {@code IocCommand}. */
public enum DeleteReason {
    /** The Indicator was deleted in OpenCTI (or left the stream's filter). */
    DELETED("deleted"),
    /** {@code revoked: true}. */
    REVOKED("revoked"),
    /** {@code valid_until} is in the past. */
    EXPIRED("expired"),
    /** It no longer passes the mapper's filters (score, detection, markings, labels). */
    FILTERED("filtered"),
    /** It cannot be mapped; an earlier version of it may have been uploaded. */
    UNMAPPABLE("unmappable"),
    /** It was merged into another Indicator. */
    MERGED("merged");

    private final String code;

    DeleteReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
