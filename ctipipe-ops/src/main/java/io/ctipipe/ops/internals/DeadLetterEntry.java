package io.ctipipe.ops.internals;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One record of a dead-letter or skipped topic, summarised for {@code dlq list} and {@code dlq
 * redrive}. Fields a topic does not carry are null.
 *
 * @param time when it was dead-lettered (the last attempt) where known, else the record timestamp
 * @param key the record key as text: the Indicator's OpenCTI id
 * @param iocs {@code TYPE:value} of the IOC command's IOCs; {@code delete} for a delete command
 * @param pattern the STIX pattern of a skipped Indicator
 * @param errorClass the sink's error class, the mapper's exception class, or the skip reason
 * @param error the message or skip detail
 * @param sourceTopic where a redrive sends the record back
 * @param redriveCount how many times the record was redriven already
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterEntry(
        String topic,
        int partition,
        long offset,
        Instant time,
        String key,
        List<String> iocs,
        String pattern,
        Integer httpStatus,
        String errorClass,
        String error,
        Integer attempts,
        String sourceTopic,
        int redriveCount) {

    public DeadLetterEntry {
        iocs = iocs == null ? null : List.copyOf(iocs);
    }

    /** {@code partition:offset}, as {@code dlq show} takes it. */
    public String coordinates() {
        return partition + ":" + offset;
    }

    /** The IOC column: the first IOC and how many more, or the skipped pattern. */
    public String subject() {
        if (iocs != null && !iocs.isEmpty()) {
            return iocs.size() == 1 ? iocs.get(0) : iocs.get(0) + " (+" + (iocs.size() - 1) + ")";
        }
        return pattern;
    }

    /** The ERROR column: class, then message when there is one. */
    public String errorText() {
        if (errorClass == null) {
            return error;
        }
        String shortClass = errorClass.substring(errorClass.lastIndexOf('.') + 1);
        return error == null || error.isBlank() ? shortClass : shortClass + ": " + error;
    }
}
