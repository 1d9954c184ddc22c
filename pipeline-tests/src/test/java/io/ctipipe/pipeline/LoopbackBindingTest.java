package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emulators listen on loopback unless told otherwise: reachable at 127.0.0.1, refused at every
 * other address of this machine.
 */
class LoopbackBindingTest {

    @Test
    void theOpenCtiEmulatorListensOnLoopbackOnly() throws Exception {
        try (OpenCtiEmulator emulator =
                OpenCtiEmulator.start(OpenCtiEmulatorOptions.builder().build())) {
            assertLoopbackOnly(emulator.baseUrl(), emulator.port());
        }
    }

    @Test
    void theSentinelOneEmulatorListensOnLoopbackOnly() throws Exception {
        try (SentinelOneEmulator emulator =
                SentinelOneEmulator.start(SentinelOneEmulatorOptions.defaults())) {
            assertLoopbackOnly(emulator.baseUrl(), emulator.port());
        }
    }

    @Test
    void theSentinelOneCommandLineDefaultsToLoopback() {
        assertThat(SentinelOneEmulatorOptions.parse().host()).isEqualTo("127.0.0.1");
    }

    private static void assertLoopbackOnly(String baseUrl, int port) throws IOException {
        assertThat(baseUrl).startsWith("http://127.0.0.1:");
        assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
        for (InetAddress other : otherAddresses()) {
            assertThatThrownBy(() -> connect(other, port))
                    .as("connecting at %s", other)
                    .isInstanceOf(IOException.class);
        }
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        connect(address, port);
        return true;
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    /** This machine's IPv4 addresses that are not loopback (none on an isolated runner). */
    private static List<InetAddress> otherAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .filter(address -> !address.isLoopbackAddress())
                .toList();
    }
}
