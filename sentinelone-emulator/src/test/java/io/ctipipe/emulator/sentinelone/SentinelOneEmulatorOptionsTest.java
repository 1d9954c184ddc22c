package io.ctipipe.emulator.sentinelone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SentinelOneEmulatorOptionsTest {

    @Test
    void parsesServerAndFaultOptions() {
        SentinelOneEmulatorOptions options =
                SentinelOneEmulatorOptions.parse(
                        "--port",
                        "9443",
                        "--repeat-mode=new-record",
                        "--latency-ms",
                        "50",
                        "--fail-rate",
                        "0.1",
                        "--rate-429",
                        "0.2",
                        "--retry-after-s",
                        "3",
                        "--auth-outage-s",
                        "10",
                        "--any-scope");

        assertThat(options.port()).isEqualTo(9443);
        assertThat(options.repeatMode()).isEqualTo(RepeatMode.NEW_RECORD);
        assertThat(options.latency()).isEqualTo(Duration.ofMillis(50));
        assertThat(options.authOutage()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.requireAccountIds()).isFalse();
        assertThat(options.randomFaults())
                .containsExactly(
                        new Faults.Share(Fault.status(503), 0.1),
                        new Faults.Share(Fault.tooManyRequests(Duration.ofSeconds(3)), 0.2));
    }

    @Test
    void rejectsUnknownOptionsAndBadNumbersInOneLine() {
        assertThatThrownBy(() -> SentinelOneEmulatorOptions.parse("--colour", "red"))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> SentinelOneEmulatorOptions.parse("--port", "x"))
                .hasMessage("--port: not a number: 'x'");
        assertThatThrownBy(() -> SentinelOneEmulatorOptions.parse("--fail-rate", "2"))
                .hasMessageContaining("0..1");
    }

    @Test
    void documentsEveryOption() {
        assertThat(SentinelOneEmulatorOptions.usage()).contains("--port", "--hang-rate", "--seed");
    }
}
