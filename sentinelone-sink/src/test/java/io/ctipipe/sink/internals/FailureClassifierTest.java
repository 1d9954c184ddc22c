package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {

    @ParameterizedTest(name = "HTTP {0} is {1}, ambiguous={2}")
    @CsvSource({
        "408, RETRIABLE, false",
        "429, RETRIABLE, false",
        "500, RETRIABLE, true",
        "502, RETRIABLE, true",
        "503, RETRIABLE, false",
        "504, RETRIABLE, true",
        "401, AUTH, false",
        "403, AUTH, false",
        "400, REJECTED, false",
        "409, REJECTED, false",
        "413, REJECTED, false",
        "422, REJECTED, false",
        "404, FATAL, false",
        "405, FATAL, false",
        "201, FATAL, false",
        "302, FATAL, false",
    })
    void classifiesEachStatus(int status, FailureClass expected, boolean ambiguous) {
        ApiException failure = new ApiException("POST /iocs", status, "", null);

        assertThat(FailureClassifier.classify(failure)).isEqualTo(expected);
        assertThat(FailureClassifier.isAmbiguous(failure)).isEqualTo(ambiguous);
    }

    @Test
    void retriesIoErrorsAndTimeoutsAsAmbiguous() {
        IOException reset = new IOException("unexpected end of stream");
        SocketTimeoutException timeout = new SocketTimeoutException("timeout");

        assertThat(FailureClassifier.classify(reset)).isEqualTo(FailureClass.RETRIABLE);
        assertThat(FailureClassifier.classify(timeout)).isEqualTo(FailureClass.RETRIABLE);
        assertThat(FailureClassifier.isAmbiguous(reset)).isTrue();
        assertThat(FailureClassifier.isAmbiguous(timeout)).isTrue();
    }

    @ParameterizedTest(name = "{0} is TLS")
    @MethodSource("tlsSetupFailures")
    void pausesOnTlsSetupFailuresAsNeverCarriedOut(String name, Exception failure) {
        assertThat(FailureClassifier.classify(failure)).isEqualTo(FailureClass.TLS);
        assertThat(FailureClass.TLS.isOutage()).isTrue();
        assertThat(FailureClassifier.isAmbiguous(failure)).isFalse();
        assertThat(FailureClassifier.cause(failure)).isEqualTo("tls");
    }

    static Stream<Arguments> tlsSetupFailures() {
        return Stream.of(
                Arguments.of("untrusted certificate", TlsFailures.untrusted()),
                Arguments.of("expired certificate", TlsFailures.expired()),
                Arguments.of("host name not in the certificate", TlsFailures.wrongHost()),
                Arguments.of("handshake alert", TlsFailures.alert()));
    }

    @Test
    void retriesAHandshakeCutByTheNetwork() {
        SSLHandshakeException cut = TlsFailures.cut();

        assertThat(FailureClassifier.classify(cut)).isEqualTo(FailureClass.RETRIABLE);
        assertThat(FailureClassifier.isAmbiguous(cut)).isTrue();
        assertThat(FailureClassifier.cause(cut)).isEqualTo("io");
    }

    @Test
    void describesEachTlsProblemWithWhatToDo() {
        assertThat(FailureClassifier.tlsProblem(TlsFailures.untrusted()))
                .startsWith("certificate not trusted")
                .contains("javax.net.ssl.trustStore", "README");
        assertThat(FailureClassifier.tlsProblem(TlsFailures.expired())).contains("expired");
        assertThat(FailureClassifier.tlsProblem(TlsFailures.wrongHost()))
                .contains("does not name this host");
        assertThat(FailureClassifier.tlsProblem(TlsFailures.alert()))
                .contains("handshake_failure", "TLS settings");
    }

    @Test
    void treatsAnyOtherExceptionAsFatal() {
        assertThat(FailureClassifier.classify(new IllegalStateException("bug")))
                .isEqualTo(FailureClass.FATAL);
    }

    @Test
    void namesTheCauseForMetrics() {
        assertThat(FailureClassifier.cause(new SocketTimeoutException())).isEqualTo("timeout");
        assertThat(FailureClassifier.cause(new ConnectException())).isEqualTo("io");
        assertThat(FailureClassifier.cause(new ApiException("x", 429, "", null)))
                .isEqualTo("http_429");
        assertThat(FailureClassifier.cause(new ApiException("x", 502, "", null)))
                .isEqualTo("http_5xx");
    }
}
