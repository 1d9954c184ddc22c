package io.ctipipe.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A private CA and a server certificate it signed for {@code localhost} only, made with the JDK's
 * keytool: the server key store for the emulators, and a trust store holding only the CA, for the
 * services' {@code javax.net.ssl.trustStore}.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit";
    private static final String KEYTOOL =
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    static TestCertificates create(Path dir) {
        TestCertificates certificates = new TestCertificates(dir);
        certificates.generate();
        return certificates;
    }

    Path trustStore() {
        return dir.resolve("trust.p12");
    }

    /** JVM options that make the CA the only trusted one, as a user would set them. */
    List<String> trustStoreOptions() {
        return List.of(
                "-Djavax.net.ssl.trustStore=" + trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    /** The server side, for {@code startHttps}. */
    SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void generate() {
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=ctipipe test CA", "-ext", "bc:c");
        keytool("-genkeypair", "-alias", "server", "-dname", "CN=localhost", "-store", "server");
        keytool("-certreq", "-alias", "server", "-file", "server.csr", "-store", "server");
        keytool(
                "-gencert",
                "-alias",
                "ca",
                "-infile",
                "server.csr",
                "-outfile",
                "server.crt",
                "-ext",
                "SAN=dns:localhost");
        keytool("-exportcert", "-alias", "ca", "-file", "ca.crt", "-rfc");
        keytool("-importcert", "-alias", "ca", "-file", "ca.crt", "-noprompt", "-store", "server");
        keytool("-importcert", "-alias", "server", "-file", "server.crt", "-store", "server");
        keytool("-importcert", "-alias", "ca", "-file", "ca.crt", "-noprompt", "-store", "trust");
    }

    /** Runs keytool in dir; "-store NAME" picks NAME.p12, the CA's store otherwise. */
    private void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(KEYTOOL));
        String store = "ca";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-store")) {
                store = args[++i];
            } else {
                command.add(args[i]);
            }
        }
        command.addAll(
                List.of(
                        "-keystore",
                        store + ".p12",
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2"));
        run(command);
    }

    private void run(List<String> command) {
        try {
            Files.createDirectories(dir);
            Process process =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
