package io.ctipipe.sink.internals;

import java.util.List;

/**
 * One IOC the sink uploaded for an Indicator.
 *
 * @param type the IOC type
 * @param value the IOC value
 * @param hash the {@link ContentHash} of what was sent; empty when unknown (found by
 *     reconciliation), which makes the next command upload it again
 * @param uuids the SentinelOne uuids holding it; more than one only until a duplicate is removed
 */
public record UploadedIoc(String type, String value, String hash, List<String> uuids) {
    public static final String UNKNOWN_HASH = "";

    public UploadedIoc {
        type = type.intern();
        uuids = List.copyOf(uuids);
    }

    public String identity() {
        return type + ":" + value;
    }
}
