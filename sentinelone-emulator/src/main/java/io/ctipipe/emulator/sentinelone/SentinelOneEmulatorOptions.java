package io.ctipipe.emulator.sentinelone;

import io.ctipipe.emulator.sentinelone.internals.ArgumentParser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run a {@link SentinelOneEmulator}. Build with {@link #builder()}, or from command-line
 * words with {@link #parse(String...)} (see {@link #usage()}).
 *
 * @param host the address to bind, 127.0.0.1 by default
 * @param port the port, 0 for a free one
 * @param apiToken the only API token accepted
 * @param accountId the account the token is scoped to
 * @param repeatMode what a repeated POST does
 * @param batchCap the most items one POST may carry (more: 400)
 * @param requireAccountIds a POST without {@code filter.accountIds} gets 500, as observed with an
 *     account-scoped token; when false, a site, group or tenant scope is enough
 * @param seed seeds every random choice (faults, uuids)
 * @param clock the time for uploadTime, validUntil and outages
 * @param latency a delay before every API answer
 * @param randomFaults faults injected into a share of requests
 * @param authOutage a 401 period starting when the emulator starts (zero: none)
 * @param maxHang how long a hung answer holds the connection at most
 * @param arrivals told of every IOC stored, when it is stored
 */
public record SentinelOneEmulatorOptions(
        String host,
        int port,
        String apiToken,
        String accountId,
        RepeatMode repeatMode,
        int batchCap,
        boolean requireAccountIds,
        long seed,
        Clock clock,
        Duration latency,
        List<Faults.Share> randomFaults,
        Duration authOutage,
        Duration maxHang,
        ArrivalListener arrivals) {

    public static final String DEFAULT_TOKEN = "emulator-api-token";
    public static final String DEFAULT_ACCOUNT_ID = "1000000000000000001";
    public static final int DEFAULT_BATCH_CAP = 5000;

    public SentinelOneEmulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(repeatMode, "repeatMode");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(arrivals, "arrivals");
        randomFaults = List.copyOf(randomFaults);
    }

    public static SentinelOneEmulatorOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Options from command-line words such as {@code --port 9443 --fail-rate 0.1}; throws
     * IllegalArgumentException with a one-line message for a bad word.
     */
    public static SentinelOneEmulatorOptions parse(String... args) {
        return ArgumentParser.parse(builder(), List.of(args));
    }

    /** The command-line options {@link #parse} understands, one a line. */
    public static String usage() {
        return ArgumentParser.usage();
    }

    /** A builder whose every setting starts at its default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String apiToken = DEFAULT_TOKEN;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private RepeatMode repeatMode = RepeatMode.UPSERT;
        private int batchCap = DEFAULT_BATCH_CAP;
        private boolean requireAccountIds = true;
        private long seed = 42;
        private Clock clock = Clock.systemUTC();
        private Duration latency = Duration.ZERO;
        private final List<Faults.Share> randomFaults = new ArrayList<>();
        private Duration authOutage = Duration.ZERO;
        private Duration maxHang = Duration.ofMinutes(2);
        private ArrivalListener arrivals = ArrivalListener.NONE;

        private Builder() {}

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder apiToken(String value) {
            apiToken = value;
            return this;
        }

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder repeatMode(RepeatMode value) {
            repeatMode = value;
            return this;
        }

        public Builder batchCap(int value) {
            batchCap = value;
            return this;
        }

        public Builder requireAccountIds(boolean value) {
            requireAccountIds = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder latency(Duration value) {
            latency = value;
            return this;
        }

        public Builder randomFault(Fault fault, double share) {
            randomFaults.add(new Faults.Share(fault, share));
            return this;
        }

        public Builder authOutage(Duration value) {
            authOutage = value;
            return this;
        }

        public Builder maxHang(Duration value) {
            maxHang = value;
            return this;
        }

        public Builder arrivals(ArrivalListener value) {
            arrivals = value;
            return this;
        }

        public SentinelOneEmulatorOptions build() {
            return new SentinelOneEmulatorOptions(
                    host,
                    port,
                    apiToken,
                    accountId,
                    repeatMode,
                    batchCap,
                    requireAccountIds,
                    seed,
                    clock,
                    latency,
                    randomFaults,
                    authOutage,
                    maxHang,
                    arrivals);
        }
    }
}
