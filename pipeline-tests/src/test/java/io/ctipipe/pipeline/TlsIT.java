package io.ctipipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.SentinelOneEmulatorOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both emulators serve HTTPS with a certificate for {@code localhost} signed by a private CA. The
 * ingester and the sink run in JVMs of their own that trust that CA only through the standard
 * {@code javax.net.ssl.trustStore} properties. They deliver everything at {@code
 * https://localhost}, and refuse the same servers at {@code https://127.0.0.1}, a name the
 * certificate does not carry: hostname verification is on, and nothing reaches the servers.
 */
class TlsIT {
    private static final String OTHER_CONNECTOR = "9d3c1d0e-5b0a-4c35-a2c4-7f2e1b6a0c99";

    @Test
    void deliversOverHttpsWithACustomCaAndRefusesAWrongHostname(@TempDir Path dir)
            throws Exception {
        TestCertificates tls = TestCertificates.create(dir.resolve("tls"));
        try (PipelineRun run = PipelineRun.generated(901, 80, 1)) {
            OpenCtiEmulator opencti = startHttps(run, tls);
            SentinelOneEmulator sentinelOne = run.env().sentinelOne();
            run.env().startService("mapper", PipelineRun.quick(Map.of()));
            Map<String, String> env = environment(run, "localhost");

            try (ServiceProcess ingester = child("ingester", env, tls, dir);
                    ServiceProcess sink = child("sink", env, tls, dir)) {
                run.awaitDrainedFromStoredPosition();
                assertThat(ingester.isAlive() && sink.isAlive()).isTrue();
            }
            run.assertDelivered();

            long requests = sentinelOne.requestCount();
            Map<String, String> wrongHost = environment(run, "127.0.0.1");
            wrongHost.put("CONNECTOR_ID", OTHER_CONNECTOR);
            wrongHost.put("SINK_GROUP_ID", "tls-wrong-host");
            int ingesterPort = freePort();
            int sinkPort = freePort();
            wrongHost.put("INGESTER_METRICS_PORT", String.valueOf(ingesterPort));
            wrongHost.put("SINK_METRICS_PORT", String.valueOf(sinkPort));
            try (ServiceProcess ingester = child("ingester", wrongHost, tls, dir);
                    ServiceProcess sink = child("sink", wrongHost, tls, dir)) {
                await("both have tried and failed")
                        .atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .until(
                                () ->
                                        failed(
                                                        ingesterPort,
                                                        "ctipipe_ingester_reconnects",
                                                        "io-error")
                                                && failed(
                                                        sinkPort,
                                                        "ctipipe_sink_api_retries",
                                                        "tls"));
                assertThat(ingester.output()).contains("Hostname 127.0.0.1 not verified");
                assertThat(sink.isAlive()).as("the sink keeps trying").isTrue();
            }
            assertThat(sentinelOne.requestCount()).isEqualTo(requests);
            assertThat(opencti.registeredConnectors())
                    .noneMatch(connector -> connector.id().equals(OTHER_CONNECTOR));
        }
    }

    /** Whether the service's /metrics counts failures of this cause. */
    private static boolean failed(int port, String counter, String cause) {
        return ServiceHealth.get(port, "/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith(counter + "_total{"))
                .filter(line -> line.contains("cause=\"" + cause + "\""))
                .anyMatch(line -> !line.endsWith(" 0.0"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static OpenCtiEmulator startHttps(PipelineRun run, TestCertificates tls) {
        run.env().startBroker(PipelineRun.PARTITIONS);
        run.env()
                .useSentinelOne(
                        SentinelOneEmulator.startHttps(
                                SentinelOneEmulatorOptions.defaults(), tls.serverContext()));
        return run.env()
                .useOpenCti(
                        OpenCtiEmulator.startHttps(
                                OpenCtiEmulatorOptions.builder()
                                        .heartbeatPeriod(Duration.ofSeconds(1))
                                        .initialEvents(run.traffic().messages())
                                        .build(),
                                tls.serverContext()));
    }

    private static Map<String, String> environment(PipelineRun run, String host) {
        Map<String, String> env = new HashMap<>(run.env().variables());
        env.putAll(PipelineRun.QUICK);
        env.put("OPENCTI_URL", "https://" + host + ":" + run.env().opencti().port());
        env.put("SENTINELONE_URL", "https://" + host + ":" + run.env().sentinelOne().port());
        return env;
    }

    private static ServiceProcess child(
            String service, Map<String, String> env, TestCertificates tls, Path dir) {
        Path log = dir.resolve(service + "-" + env.get("OPENCTI_URL").hashCode() + ".log");
        return ServiceProcess.start(service, env, tls.trustStoreOptions(), log);
    }
}
