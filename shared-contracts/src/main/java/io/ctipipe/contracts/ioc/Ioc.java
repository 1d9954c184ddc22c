package io.ctipipe.contracts.ioc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One SentinelOne threat-intelligence IOC exactly as the sink sends it in the {@code data} list of
 * {@code POST /web/api/v2.1/threat-intelligence/iocs}. Absent fields are omitted from the JSON.
 *
 * @param type DNS, IPV4, IPV6, MD5, SHA1, SHA256 or URL
 * @param value the address, name, URL or lower-case hex hash
 * @param method always EQUALS
 * @param source the connector name
 * @param externalId the Indicator's STIX id
 * @param validUntil ISO-8601, or null to let SentinelOne apply its default
 * @param originalRiskScore the OpenCTI score, 0-100
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "value", "method", "source", "externalId"})
public record Ioc(
        String type,
        String value,
        String method,
        String source,
        String externalId,
        String name,
        String description,
        String validUntil,
        String creationTime,
        List<String> labels,
        String pattern,
        String patternType,
        Integer originalRiskScore) {

    public static final String METHOD_EQUALS = "EQUALS";

    /** The identity of an IOC within one Indicator: {@code TYPE:value}. */
    public String identity() {
        return type + ":" + value;
    }
}
