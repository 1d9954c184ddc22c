package io.ctipipe.sink.internals;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The one place where a failed SentinelOne call is classified:
 *
 * <table>
 *   <caption>Classification</caption>
 *   <tr><th>failure</th><th>class</th><th>ambiguous</th></tr>
 *   <tr><td>TLS: certificate not trusted, expired or not yet valid, host name not in the
 *   certificate, handshake refused by either side</td><td>TLS</td><td>no</td></tr>
 *   <tr><td>IOException (refused, reset, timeout, handshake cut by the network)</td>
 *   <td>RETRIABLE</td><td>yes</td></tr>
 *   <tr><td>408 Request Timeout, 429 Too Many Requests</td><td>RETRIABLE</td><td>no</td></tr>
 *   <tr><td>503 Service Unavailable</td><td>RETRIABLE</td><td>no</td></tr>
 *   <tr><td>other 5xx</td><td>RETRIABLE</td><td>yes</td></tr>
 *   <tr><td>401, 403</td><td>AUTH</td><td>no</td></tr>
 *   <tr><td>400, 409, 413, 422</td><td>REJECTED</td><td>no</td></tr>
 *   <tr><td>any other status, any other exception</td><td>FATAL</td><td>no</td></tr>
 * </table>
 *
 * <p>Ambiguous means the server may have carried out the request before the failure: a retried POST
 * may then have created IOCs twice, so the sink looks for them afterwards.
 */
public final class FailureClassifier {
    private FailureClassifier() {}

    public static FailureClass classify(Throwable failure) {
        if (isTlsSetup(failure)) {
            return FailureClass.TLS;
        }
        if (failure instanceof IOException) {
            return FailureClass.RETRIABLE;
        }
        if (failure instanceof ApiException api) {
            return classify(api.status());
        }
        return FailureClass.FATAL;
    }

    static FailureClass classify(int status) {
        if (status == 408 || status == 429 || status >= 500 && status <= 599) {
            return FailureClass.RETRIABLE;
        }
        return switch (status) {
            case 401, 403 -> FailureClass.AUTH;
            case 400, 409, 413, 422 -> FailureClass.REJECTED;
            default -> FailureClass.FATAL;
        };
    }

    /**
     * A handshake that fails on the certificate or the TLS settings. One cut by the network (its
     * cause an EOF or a reset) is not: that is transient.
     */
    private static boolean isTlsSetup(Throwable failure) {
        if (failure instanceof SSLPeerUnverifiedException) {
            return true;
        }
        if (!(failure instanceof SSLException)) {
            return false;
        }
        return causedBy(failure, GeneralSecurityException.class)
                || failure instanceof SSLHandshakeException && !causedByNetwork(failure);
    }

    private static boolean causedByNetwork(Throwable failure) {
        for (Throwable c = failure.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IOException && !(c instanceof SSLException)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the server may have done the work although the call failed. */
    public static boolean isAmbiguous(Throwable failure) {
        if (isTlsSetup(failure)) {
            return false;
        }
        if (failure instanceof IOException) {
            return true;
        }
        return failure instanceof ApiException api && api.status() >= 500 && api.status() != 503;
    }

    /** A short, low-cardinality name of the cause, for the retries metric and logs. */
    public static String cause(Throwable failure) {
        if (isTlsSetup(failure)) {
            return "tls";
        }
        if (failure instanceof InterruptedIOException) {
            return "timeout";
        }
        if (failure instanceof IOException) {
            return "io";
        }
        if (failure instanceof ApiException api) {
            return api.status() >= 500 ? "http_5xx" : "http_" + api.status();
        }
        return "other";
    }

    /** What is wrong with the TLS set-up, and what to do, for a {@link FailureClass#TLS}. */
    public static String tlsProblem(Throwable failure) {
        if (failure instanceof SSLPeerUnverifiedException) {
            return "the certificate does not name this host: use a host name it carries in the URL";
        }
        if (causedBy(failure, CertificateExpiredException.class)) {
            return "the certificate has expired";
        }
        if (causedBy(failure, CertificateNotYetValidException.class)) {
            return "the certificate is not valid yet: check the clocks";
        }
        if (causedBy(failure, GeneralSecurityException.class)) {
            return "certificate not trusted: give the JVM a trust store holding its CA"
                    + " (javax.net.ssl.trustStore), see README";
        }
        return "handshake refused (" + failure.getMessage() + "): check the TLS settings";
    }
}
