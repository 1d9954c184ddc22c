package io.ctipipe.cli.quickstart;

/** What makes an IOC the one the ground truth expects: its Indicator's STIX id, type, value. */
record IocIdentity(String externalId, String type, String value) {
    @Override
    public String toString() {
        return type + ":" + value + " (" + externalId + ")";
    }
}
