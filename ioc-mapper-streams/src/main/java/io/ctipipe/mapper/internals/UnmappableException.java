package io.ctipipe.mapper.internals;

/**
 * Thrown while translating a pattern when one part of it cannot become a SentinelOne IOC; the
 * Indicator is then skipped as a whole. It is control flow, so it carries no stack trace.
 */
final class UnmappableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SkipReason reason;

    UnmappableException(SkipReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    SkipReason reason() {
        return reason;
    }

    /** The human sentence for the {@code ctipipe.skip.detail} header. */
    String detail() {
        return getMessage();
    }
}
