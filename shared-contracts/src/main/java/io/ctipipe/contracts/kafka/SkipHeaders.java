package io.ctipipe.contracts.kafka;

/** Headers on the skipped topic: why an Indicator was not mapped. */
public final class SkipHeaders {
    /** A short machine-friendly reason code, e.g. {@code unsupported-hash}. */
    public static final String REASON = "ctipipe.skip.reason";

    /** The human explanation, e.g. which comparison could not be mapped. */
    public static final String DETAIL = "ctipipe.skip.detail";

    private SkipHeaders() {}
}
