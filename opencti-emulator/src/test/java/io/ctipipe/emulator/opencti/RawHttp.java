package io.ctipipe.emulator.opencti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Reads a whole raw HTTP response from a socket, to see exactly what went over the wire. */
final class RawHttp {
    private RawHttp() {}

    /** A GET with no-dependencies, read until the server closes or resets the connection. */
    static String get(OpenCtiEmulator emulator, String path, String lastEventId)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String request =
                    "GET "
                            + path
                            + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer "
                            + emulator.token()
                            + "\r\n"
                            + "no-dependencies: true\r\n"
                            + "Last-Event-ID: "
                            + lastEventId
                            + "\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, read);
            }
        } catch (SocketException e) {
            // A reset ends the response like a close does.
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
