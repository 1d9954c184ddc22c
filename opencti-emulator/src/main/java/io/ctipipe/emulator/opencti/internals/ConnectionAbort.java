package io.ctipipe.emulator.opencti.internals;

/**
 * Thrown out of a handler to make the HTTP server drop the socket without ending the chunked body,
 * which a client sees as a broken connection rather than a clean end of stream.
 */
final class ConnectionAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionAbort(String reason) {
        super(reason, null, false, false);
    }
}
