package io.ctipipe.sink.internals;

import java.io.EOFException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** TLS failures shaped as the JDK and OkHttp throw them. */
final class TlsFailures {
    private TlsFailures() {}

    /** No trusted CA issued the certificate: "PKIX path building failed". */
    static SSLHandshakeException untrusted() {
        CertificateException validator =
                new CertificateException(
                        "PKIX path building failed",
                        new CertPathBuilderException(
                                "unable to find valid certification path to requested target"));
        return handshake("PKIX path building failed: " + validator.getMessage(), validator);
    }

    static SSLHandshakeException expired() {
        CertPathValidatorException path =
                new CertPathValidatorException(
                        "validity check failed", new CertificateExpiredException("NotAfter"));
        return handshake("PKIX path validation failed", new CertificateException(path));
    }

    /** OkHttp's host name check, after a handshake with a trusted certificate. */
    static SSLPeerUnverifiedException wrongHost() {
        return new SSLPeerUnverifiedException("Hostname 127.0.0.1 not verified");
    }

    /** The server refuses our TLS settings (protocol, cipher suites, client certificate). */
    static SSLHandshakeException alert() {
        return new SSLHandshakeException("Received fatal alert: handshake_failure");
    }

    /** The network cut the handshake: transient. */
    static SSLHandshakeException cut() {
        return handshake(
                "Remote host terminated the handshake", new EOFException("SSL peer shut down"));
    }

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException failure = new SSLHandshakeException(message);
        failure.initCause(cause);
        return failure;
    }
}
