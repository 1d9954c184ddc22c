package io.ctipipe.contracts.ioc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the sink must make true for one Indicator. */
public enum IocAction {
    /** SentinelOne must hold exactly the command's IOCs for this Indicator. */
    UPSERT,
    /** SentinelOne must hold no IOC of this Indicator. */
    DELETE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IocAction fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
