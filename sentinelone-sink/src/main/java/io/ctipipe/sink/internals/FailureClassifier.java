package io.ctipipe.sink.internals;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * The one place where a failed SentinelOne call is classified:
 *
 * <table>
 *   <caption>Classification</caption>
 *   <tr><th>failure</th><th>class</th><th>ambiguous</th></tr>
 *   <tr><td>IOException (refused, reset, timeout)</td><td>RETRIABLE</td><td>yes</td></tr>
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

    /** Whether the server may have done the work although the call failed. */
    public static boolean isAmbiguous(Throwable failure) {
        if (failure instanceof IOException) {
            return true;
        }
        return failure instanceof ApiException api && api.status() >= 500 && api.status() != 503;
    }

    /** A short, low-cardinality name of the cause, for the retries metric and logs. */
    public static String cause(Throwable failure) {
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
}
