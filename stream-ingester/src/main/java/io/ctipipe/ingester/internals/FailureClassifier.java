package io.ctipipe.ingester.internals;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The one place where failures at the ingester's boundaries (the OpenCTI stream, Kafka) are sorted
 * into {@link FailureKind}s, each with the label used in logs and metrics and a hint for the
 * operator.
 */
public final class FailureClassifier {
    private static final String TOKEN_HINT =
            "check OPENCTI_TOKEN (an API token of a user allowed to read the stream) and"
                    + " CONNECTOR_LIVE_STREAM_ID (the platform answers 401 for unknown stream ids"
                    + " too, and 'live' needs a bypass user)";
    private static final String STOPPED_HINT =
            "the live stream is stopped: start it in OpenCTI (Data sharing > Live streams)"
                    + " or check CONNECTOR_LIVE_STREAM_ID";
    private static final String URL_HINT =
            "check OPENCTI_URL (base URL of the platform, with its base path if any)";

    private FailureClassifier() {}

    /** An HTTP status other than 200 from the stream endpoint. */
    public static Failure status(int code) {
        return switch (code) {
            case 401, 403 -> new Failure(FailureKind.PERMANENT, "http-" + code, TOKEN_HINT);
            case 410 -> new Failure(FailureKind.PERMANENT, "http-410", STOPPED_HINT);
            case 429 -> new Failure(FailureKind.RETRIABLE, "http-429", "rate limited");
            default -> byRange(code);
        };
    }

    private static Failure byRange(int code) {
        if (code >= 500) {
            return new Failure(FailureKind.RETRIABLE, "http-5xx", "platform error " + code);
        }
        return new Failure(FailureKind.PERMANENT, "http-" + code, URL_HINT);
    }

    /** A 200 whose body is not an event stream: the URL points at something else. */
    public static Failure notAnEventStream() {
        return new Failure(FailureKind.PERMANENT, "not-event-stream", URL_HINT);
    }

    /** A failure while connecting to or reading the stream. */
    public static Failure stream(Throwable error) {
        if (error instanceof SseMessageTooLargeException) {
            return new Failure(FailureKind.PERMANENT, "event-too-large", error.getMessage());
        }
        if (error instanceof SocketTimeoutException) {
            return new Failure(
                    FailureKind.RETRIABLE, "idle-timeout", "no byte within the idle timeout");
        }
        if (error instanceof InterruptedIOException || error instanceof IOException) {
            return new Failure(
                    FailureKind.RETRIABLE, "io-error", String.valueOf(error.getMessage()));
        }
        return new Failure(FailureKind.RETRIABLE, "unexpected", String.valueOf(error));
    }

    /** A clean end of the response: the platform restarted or closed the stream. */
    public static Failure endOfStream() {
        return new Failure(FailureKind.RETRIABLE, "eof", "the platform ended the stream");
    }

    /** A failure from the Kafka producer or consumer. */
    public static Failure kafka(Throwable error) {
        if (error instanceof ProducerFencedException
                || error instanceof InvalidProducerEpochException) {
            return new Failure(
                    FailureKind.FATAL,
                    "fenced",
                    "another ingester with the same transactional.id took over; run one"
                            + " instance per CONNECTOR_ID or set INGESTER_TRANSACTIONAL_ID");
        }
        if (error instanceof AuthorizationException || error instanceof AuthenticationException) {
            return new Failure(
                    FailureKind.PERMANENT,
                    "kafka-auth",
                    "check the KAFKA_* security settings and the ACLs for the topics and the"
                            + " transactional id");
        }
        if (error instanceof InvalidTopicException) {
            return new Failure(FailureKind.PERMANENT, "kafka-topic", error.getMessage());
        }
        if (error instanceof RecordTooLargeException
                || error instanceof UnsupportedVersionException) {
            return new Failure(
                    FailureKind.PERMANENT,
                    "kafka-rejected",
                    "raise max.message.bytes of the events topic or lower"
                            + " INGESTER_MAX_EVENT_BYTES; transactions need Kafka 2.5 or later");
        }
        return new Failure(FailureKind.RETRIABLE, "kafka", String.valueOf(error.getMessage()));
    }
}
