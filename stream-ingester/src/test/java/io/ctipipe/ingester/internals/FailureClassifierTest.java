package io.ctipipe.ingester.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassifierTest {

    @ParameterizedTest
    @CsvSource({
        "401, PERMANENT, http-401, OPENCTI_TOKEN",
        "403, PERMANENT, http-403, CONNECTOR_LIVE_STREAM_ID",
        "410, PERMANENT, http-410, stopped",
        "404, PERMANENT, http-404, OPENCTI_URL",
        "400, PERMANENT, http-400, OPENCTI_URL",
        "429, RETRIABLE, http-429, rate",
        "500, RETRIABLE, http-5xx, 500",
        "502, RETRIABLE, http-5xx, 502",
        "503, RETRIABLE, http-5xx, 503"
    })
    void classifiesEachHttpStatus(int status, FailureKind kind, String cause, String hint) {
        Failure failure = FailureClassifier.status(status);

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.cause()).isEqualTo(cause);
        assertThat(failure.hint()).contains(hint);
    }

    @Test
    void aReadTimeoutIsAnIdleStreamAndOtherIoErrorsAreRetried() {
        assertThat(FailureClassifier.stream(new SocketTimeoutException("Read timed out")))
                .extracting(Failure::kind, Failure::cause)
                .containsExactly(FailureKind.RETRIABLE, "idle-timeout");
        assertThat(FailureClassifier.stream(new EOFException()).cause()).isEqualTo("io-error");
        assertThat(FailureClassifier.stream(new ConnectException("refused")).kind())
                .isEqualTo(FailureKind.RETRIABLE);
        assertThat(FailureClassifier.stream(new IOException("reset")).kind())
                .isEqualTo(FailureKind.RETRIABLE);
    }

    @Test
    void anOversizedEventNeedsAnOperator() {
        Failure failure = FailureClassifier.stream(new SseMessageTooLargeException(10));

        assertThat(failure.kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(failure.hint()).contains("INGESTER_MAX_EVENT_BYTES");
    }

    @Test
    void aCleanEndAndAWrongContentTypeAreClassifiedToo() {
        assertThat(FailureClassifier.endOfStream())
                .extracting(Failure::kind, Failure::cause)
                .containsExactly(FailureKind.RETRIABLE, "eof");
        assertThat(FailureClassifier.notAnEventStream().kind()).isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void beingFencedIsFatal() {
        assertThat(FailureClassifier.kafka(new ProducerFencedException("fenced")).kind())
                .isEqualTo(FailureKind.FATAL);
    }

    @Test
    void kafkaAuthorizationTopicsAndSizeNeedAnOperator() {
        assertThat(FailureClassifier.kafka(new TopicAuthorizationException("no")).cause())
                .isEqualTo("kafka-auth");
        assertThat(FailureClassifier.kafka(new TransactionalIdAuthorizationException("no")).kind())
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureClassifier.kafka(new InvalidTopicException("missing")).cause())
                .isEqualTo("kafka-topic");
        assertThat(FailureClassifier.kafka(new RecordTooLargeException("big")).hint())
                .contains("max.message.bytes");
    }

    @Test
    void otherKafkaErrorsAreRetried() {
        assertThat(FailureClassifier.kafka(new TimeoutException("slow")).kind())
                .isEqualTo(FailureKind.RETRIABLE);
        assertThat(FailureClassifier.kafka(new IllegalStateException("odd")).kind())
                .isEqualTo(FailureKind.RETRIABLE);
    }
}
