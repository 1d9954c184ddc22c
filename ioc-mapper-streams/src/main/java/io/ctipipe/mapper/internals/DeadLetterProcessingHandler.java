package io.ctipipe.mapper.internals;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' own log-and-continue processing handler, which writes the failed record to {@code
 * errors.dead.letter.queue.topic.name} with its original key, value and headers plus the {@code
 * __streams.errors.*} headers, in the same transaction. This subclass only adds an ERROR line with
 * the record's coordinates and the dead-lettered count; it finds the {@link MapperMetrics} under
 * {@link MapperMetrics#CONFIG_KEY} in the Streams properties.
 *
 * <p>The built-in handler also logs each dead-lettered record at WARN with its stack trace, so
 * every such record shows two log lines; the ERROR line is the one to alert on.
 */
public class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private MapperMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        if (configs.get(MapperMetrics.CONFIG_KEY) instanceof MapperMetrics given) {
            metrics = given;
        }
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        log.error(
                "Dead-lettered unreadable record topic={} partition={} offset={} error={}",
                context.topic(),
                context.partition(),
                context.offset(),
                exception.getMessage());
        if (metrics != null) {
            metrics.deadLettered();
        }
        return super.handleError(context, record, exception);
    }
}
