package io.ctipipe.emulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, valid until 2126, for
 * trying HTTPS against the emulators: {@link #serverContext()} for their {@code startHttps}, {@link
 * #clientContext()} for a client that trusts it and nothing else. A client with the JVM's default
 * trust store refuses it, which is how tests provoke an untrusted certificate. Its private key
 * ships in this jar: it proves nothing, so never trust it outside tests and demos.
 */
public final class SelfSignedCertificate {
    private static final String RESOURCE = "self-signed.p12";
    private static final char[] PASSWORD = "changeit".toCharArray();

    private SelfSignedCertificate() {}

    /** The server side: the certificate and its key. */
    public static SSLContext serverContext() {
        try {
            KeyManagerFactory keys =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the self-signed certificate", e);
        }
    }

    /** A client side that trusts this certificate only. */
    public static SSLContext clientContext() {
        try {
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the self-signed certificate", e);
        }
    }

    private static KeyStore keyStore() throws GeneralSecurityException {
        try (InputStream in = SelfSignedCertificate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
