package io.ctipipe.cli.quickstart;

import io.ctipipe.cli.ShutdownLatch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ctipipe quickstart}: the whole pipeline on the embedded default, verified. */
@Command(
        name = "quickstart",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline on this machine: an embedded Kafka broker, the OpenCTI"
                    + " stream emulator with generated traffic, the SentinelOne emulator (with a"
                    + " few 429 and 503 answers), and the three services.",
            "Exits 0 only when SentinelOne ends up holding exactly the IOCs the generated"
                    + " traffic implies and every planted bad value was dead-lettered."
        })
public final class QuickstartCommand implements Callable<Integer> {
    @Option(
            names = "--indicators",
            defaultValue = "3000",
            description = "Indicators to generate (default 3000).")
    int indicators;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default 42).")
    long seed;

    @Option(
            names = "--keep-running",
            description = "Leave everything running afterwards, with the ports printed.")
    boolean keepRunning;

    @Option(
            names = "--planted-bad",
            defaultValue = "5",
            description = "Indicators whose value SentinelOne rejects (default 5).")
    int plantedBad;

    @Option(
            names = "--fault-share",
            defaultValue = "0.15",
            description = "Share of SentinelOne answers that are 429 or 503 (default 0.15).")
    double faultShare;

    @Option(
            names = "--timeout",
            defaultValue = "300",
            description = "Seconds to wait for the pipeline to drain (default 300).")
    int timeoutSeconds;

    @Option(
            names = "--work-dir",
            defaultValue = ".ctipipe/quickstart",
            description = "Where the log and the ground truth go (default .ctipipe/quickstart).")
    Path workDir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintStream out = System.out;
        QuickstartOptions options =
                new QuickstartOptions(
                        indicators,
                        plantedBad,
                        seed,
                        4,
                        faultShare,
                        Duration.ofMillis(20),
                        Duration.ofSeconds(timeoutSeconds),
                        workDir.toAbsolutePath());
        try (PipelineEnvironment env = new PipelineEnvironment()) {
            boolean passed = new Quickstart(options, out, System.console() != null).run(env);
            if (keepRunning) {
                printEndpoints(env, out);
                // Stops the services and the broker (and removes its log directory) on Ctrl-C;
                // closing again when the try block ends does nothing.
                new ShutdownLatch().awaitThen(env::close);
            }
            return passed ? 0 : 1;
        }
    }

    private void validate() {
        require(indicators >= 1, "--indicators must be 1 or more, got " + indicators);
        require(plantedBad >= 0, "--planted-bad must be 0 or more, got " + plantedBad);
        require(timeoutSeconds >= 1, "--timeout must be 1 second or more, got " + timeoutSeconds);
        require(
                faultShare >= 0 && faultShare < 1,
                "--fault-share must be from 0 up to (not including) 1, got " + faultShare);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private static void printEndpoints(PipelineEnvironment env, PrintStream out) {
        Map<String, String> variables = env.variables();
        out.println();
        out.println("Still running (Ctrl-C stops everything):");
        endpoint(out, "Kafka bootstrap", env.broker().bootstrapServers());
        endpoint(out, "OpenCTI emulator", env.opencti().baseUrl());
        endpoint(out, "SentinelOne emulator", env.sentinelOne().baseUrl() + "/_emulator/iocs");
        for (String service : new String[] {"ingester", "mapper", "sink"}) {
            String url = "http://127.0.0.1:" + env.metricsPort(service);
            endpoint(out, service + " health", url + "/health  " + url + "/metrics");
        }
        out.println("To point the other commands at it (status, dlq, replay):");
        out.println("  export KAFKA_BOOTSTRAP_SERVERS=" + variables.get("KAFKA_BOOTSTRAP_SERVERS"));
        out.println(
                "  export CONNECTOR_LIVE_STREAM_ID=" + variables.get("CONNECTOR_LIVE_STREAM_ID"));
        out.println("  ./ctipipe status; ./ctipipe dlq list; ./ctipipe dlq list --topic skipped");
    }

    private static void endpoint(PrintStream out, String what, String where) {
        out.printf("  %-22s %s%n", what, where);
    }
}
