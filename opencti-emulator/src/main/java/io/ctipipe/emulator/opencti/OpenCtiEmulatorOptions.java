package io.ctipipe.emulator.opencti;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How to start an {@link OpenCtiEmulator}. Use {@link #builder()}; every setting has a default.
 *
 * @param host address to bind, 127.0.0.1 by default
 * @param port 0 picks a free port
 * @param streamId the live stream (collection) id served, besides {@code live}
 * @param token the API token clients must send as {@code Authorization: Bearer}
 * @param heartbeatPeriod time between heartbeats, 5 s by default as on the platform
 * @param retention entries the stream keeps before trimming the oldest
 * @param initialEvents messages in the stream before the first client connects
 * @param faults faults active from the start
 * @param clock the clock behind stream ids and heartbeat positions
 */
public record OpenCtiEmulatorOptions(
        String host,
        int port,
        String streamId,
        String token,
        Duration heartbeatPeriod,
        int retention,
        List<StreamMessage> initialEvents,
        FaultPlan faults,
        Clock clock) {

    public static final String DEFAULT_STREAM_ID = "6f4e2b1a-3c5d-4e7f-8a9b-0c1d2e3f4a5b";
    public static final String DEFAULT_TOKEN = "ctipipe-emulator-token";

    public OpenCtiEmulatorOptions {
        initialEvents = List.copyOf(initialEvents);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults listed on the record. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String streamId = DEFAULT_STREAM_ID;
        private String token = DEFAULT_TOKEN;
        private Duration heartbeatPeriod = Duration.ofSeconds(5);
        private int retention = 100_000;
        private List<StreamMessage> initialEvents = List.of();
        private FaultPlan faults = FaultPlan.none();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder streamId(String value) {
            streamId = value;
            return this;
        }

        public Builder token(String value) {
            token = value;
            return this;
        }

        public Builder heartbeatPeriod(Duration value) {
            heartbeatPeriod = value;
            return this;
        }

        public Builder retention(int value) {
            retention = value;
            return this;
        }

        public Builder initialEvents(List<StreamMessage> value) {
            initialEvents = value;
            return this;
        }

        public Builder faults(FaultPlan value) {
            faults = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public OpenCtiEmulatorOptions build() {
            return new OpenCtiEmulatorOptions(
                    host,
                    port,
                    streamId,
                    token,
                    heartbeatPeriod,
                    retention,
                    initialEvents,
                    faults,
                    clock);
        }
    }
}
