package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.Ioc;

/** One IOC in a POST batch, with the Indicator work it belongs to. */
record BatchItem(IndicatorWork work, Ioc ioc) {
    String rejectionKey() {
        return RejectedItems.key(ioc.type(), ioc.value());
    }

    String matchKey() {
        return RemoteIoc.matchKey(ioc.type(), ioc.value(), ioc.externalId());
    }
}
