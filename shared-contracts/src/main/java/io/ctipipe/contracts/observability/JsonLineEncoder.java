package io.ctipipe.contracts.observability;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Logback's JSON line encoder with a readable time: each line starts with {@code "timestamp"} as
 * ISO-8601 in UTC (e.g. {@code 2025-01-31T09:30:00.123Z}) instead of epoch milliseconds, which is
 * all logback's own encoder offers. Used by {@code LOG_FORMAT=json}; its other fields are set in
 * {@code ctipipe-logback-json.xml}.
 */
public class JsonLineEncoder extends JsonEncoder {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = super.encode(event);
        byte[] time = timestamp(event).getBytes(StandardCharsets.UTF_8);
        // The parent's line opens with '{'; the time goes right after it.
        byte[] joined = new byte[time.length + line.length - 1];
        System.arraycopy(time, 0, joined, 0, time.length);
        System.arraycopy(line, 1, joined, time.length, line.length - 1);
        return joined;
    }

    private static String timestamp(ILoggingEvent event) {
        return "{\"timestamp\":\"" + ISO.format(Instant.ofEpochMilli(event.getTimeStamp())) + "\",";
    }
}
