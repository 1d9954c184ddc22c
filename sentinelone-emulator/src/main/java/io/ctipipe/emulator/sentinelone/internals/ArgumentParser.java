package io.ctipipe.emulator.sentinelone.internals;

import io.ctipipe.emulator.sentinelone.Fault;
import io.ctipipe.emulator.sentinelone.RepeatMode;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Turns command-line words into emulator options; see {@link #usage()}. */
public final class ArgumentParser {
    private static final String USAGE =
            String.join(
                    "\n",
                    "--host H                 address to bind (127.0.0.1)",
                    "--port P                 port, 0 for a free one (0)",
                    "--token T                the API token to accept",
                    "--account-id ID          the token's account id",
                    "--repeat-mode M          upsert or new-record (upsert)",
                    "--batch-cap N            most items per POST (5000)",
                    "--any-scope              accept a POST without accountIds",
                    "--seed N                 seed of every random choice (42)",
                    "--latency-ms N           delay before every answer (0)",
                    "--fail-rate R            share of 503 answers, 0..1",
                    "--error-rate R           share of 500 answers",
                    "--rate-429 R             share of 429 answers with Retry-After",
                    "--retry-after-s S        the Retry-After of those 429s (1)",
                    "--rate-429-bare R        share of 429 answers without Retry-After",
                    "--slow-rate R            share of slow answers",
                    "--slow-ms N              delay of a slow answer (5000)",
                    "--hang-rate R            share of requests never answered",
                    "--reset-rate R           share of connections closed unanswered",
                    "--lost-response-rate R   share processed, then closed unanswered",
                    "--auth-outage-s S        answer 401 for the first S seconds",
                    "--max-hang-s S           longest a hung answer lasts (120)");

    private ArgumentParser() {}

    public static String usage() {
        return USAGE;
    }

    public static SentinelOneEmulatorOptions parse(
            SentinelOneEmulatorOptions.Builder builder, List<String> args) {
        Rates rates = new Rates();
        Iterator<String> words = split(args).iterator();
        while (words.hasNext()) {
            String name = words.next();
            if (name.equals("--any-scope")) {
                builder.requireAccountIds(false);
            } else {
                apply(builder, rates, name, valueOf(name, words));
            }
        }
        rates.addTo(builder);
        return builder.build();
    }

    private static List<String> split(List<String> args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                words.add(arg.substring(0, equals));
                words.add(arg.substring(equals + 1));
            } else {
                words.add(arg);
            }
        }
        return words;
    }

    private static String valueOf(String name, Iterator<String> words) {
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("unexpected argument '" + name + "'");
        }
        if (!words.hasNext()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return words.next();
    }

    private static void apply(
            SentinelOneEmulatorOptions.Builder builder, Rates rates, String name, String value) {
        try {
            if (!applyServer(builder, name, value) && !rates.apply(name, value)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + value + "'", e);
        }
    }

    private static boolean applyServer(
            SentinelOneEmulatorOptions.Builder builder, String name, String value) {
        switch (name) {
            case "--host" -> builder.host(value);
            case "--port" -> builder.port(Integer.parseInt(value));
            case "--token" -> builder.apiToken(value);
            case "--account-id" -> builder.accountId(value);
            case "--repeat-mode" -> builder.repeatMode(RepeatMode.parse(value));
            case "--batch-cap" -> builder.batchCap(Integer.parseInt(value));
            case "--seed" -> builder.seed(Long.parseLong(value));
            case "--latency-ms" -> builder.latency(Duration.ofMillis(Long.parseLong(value)));
            case "--auth-outage-s" -> builder.authOutage(seconds(value));
            case "--max-hang-s" -> builder.maxHang(seconds(value));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    /** The fault shares, collected first because two options shape one fault. */
    private static final class Rates {
        private double fail;
        private double error;
        private double tooMany;
        private double tooManyBare;
        private double slow;
        private double hang;
        private double reset;
        private double lost;
        private Duration retryAfter = Duration.ofSeconds(1);
        private Duration slowDelay = Duration.ofSeconds(5);

        boolean apply(String name, String value) {
            switch (name) {
                case "--fail-rate" -> fail = share(value);
                case "--error-rate" -> error = share(value);
                case "--rate-429" -> tooMany = share(value);
                case "--rate-429-bare" -> tooManyBare = share(value);
                case "--retry-after-s" -> retryAfter = seconds(value);
                case "--slow-rate" -> slow = share(value);
                case "--slow-ms" -> slowDelay = Duration.ofMillis(Long.parseLong(value));
                case "--hang-rate" -> hang = share(value);
                case "--reset-rate" -> reset = share(value);
                case "--lost-response-rate" -> lost = share(value);
                default -> {
                    return false;
                }
            }
            return true;
        }

        void addTo(SentinelOneEmulatorOptions.Builder builder) {
            add(builder, Fault.status(503), fail);
            add(builder, Fault.status(500), error);
            add(builder, Fault.tooManyRequests(retryAfter), tooMany);
            add(builder, Fault.tooManyRequests(null), tooManyBare);
            add(builder, Fault.slow(slowDelay), slow);
            add(builder, Fault.hang(), hang);
            add(builder, Fault.reset(), reset);
            add(builder, Fault.lostResponse(), lost);
        }

        private static void add(SentinelOneEmulatorOptions.Builder builder, Fault f, double r) {
            if (r > 0) {
                builder.randomFault(f, r);
            }
        }

        private static double share(String value) {
            double share = Double.parseDouble(value);
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("a share must be within 0..1: " + value);
            }
            return share;
        }
    }
}
