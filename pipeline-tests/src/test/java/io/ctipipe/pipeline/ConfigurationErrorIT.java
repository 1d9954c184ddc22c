package io.ctipipe.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 7: {@code ctipipe ingester|mapper|sink} with one bad variable each, in a JVM of its own
 * as a user runs it. Each run ends with exit code 2 and one problem naming that variable, without a
 * stack trace or a secret, before any connection: every address points at a tripwire port that must
 * see no connection at all.
 */
class ConfigurationErrorIT {
    private static final String SECRET = "s1-config-secret-5b8e";

    /** One run: a service and the variable made bad. */
    record Case(String service, String variable, String value) {}

    private static final List<Case> CASES =
            List.of(
                    new Case("sink", "SENTINELONE_URL", "ftp://console.example"),
                    new Case("sink", "SENTINELONE_API_KEY", ""),
                    new Case("sink", "SENTINELONE_MAX_API_ATTEMPTS", "0"),
                    new Case("sink", "SENTINELONE_TIMEOUT", "soon"),
                    new Case("sink", "SINK_RETRY_BACKOFF", "0"),
                    new Case("sink", "SINK_METRICS_PORT", "70000"),
                    new Case("ingester", "OPENCTI_URL", "not a url"),
                    new Case("ingester", "CONNECTOR_LIVE_STREAM_START_FROM", "yesterday"),
                    new Case("ingester", "CONNECTOR_LIVE_STREAM_RECOVER_UNTIL", "soon"),
                    new Case("ingester", "CONNECTOR_LIVE_STREAM_LISTEN_DELETE", "maybe"),
                    new Case("ingester", "INGESTER_IDLE_TIMEOUT", "0"),
                    new Case("ingester", "INGESTER_PING_INTERVAL", "soon"),
                    new Case("ingester", "KAFKA_BOOTSTRAP_SERVERS", ""),
                    new Case("mapper", "MAPPER_MIN_SCORE", "101"),
                    new Case("mapper", "CONNECTOR_LOG_LEVEL", "loud"),
                    new Case("mapper", "LOG_FORMAT", "xml"));

    @Test
    void eachBadVariableGivesOneMessageAndExitCode2BeforeAnyConnection(@TempDir Path dir)
            throws Exception {
        try (Tripwire tripwire = new Tripwire()) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<ServiceProcess>> runs = new ArrayList<>();
            for (Case each : CASES) {
                Map<String, String> env = validEnvironment(tripwire, dir);
                env.put(each.variable(), each.value());
                Path log = dir.resolve(each.service() + "-" + each.variable() + ".log");
                runs.add(pool.submit(() -> finished(each, env, log)));
            }

            SoftAssertions softly = new SoftAssertions();
            for (int i = 0; i < CASES.size(); i++) {
                check(softly, CASES.get(i), runs.get(i).get());
            }
            pool.shutdown();
            softly.assertThat(tripwire.connections()).as("connections made").isZero();
            softly.assertAll();
        }
    }

    private static ServiceProcess finished(Case each, Map<String, String> env, Path log)
            throws InterruptedException {
        ServiceProcess process = ServiceProcess.start(each.service(), env, List.of(), log);
        if (process.exitCode(60) < 0) {
            process.close();
        }
        return process;
    }

    private static void check(SoftAssertions softly, Case each, ServiceProcess process)
            throws InterruptedException {
        String output = process.output();
        String what = each.service() + " with " + each.variable() + "='" + each.value() + "'";
        softly.assertThat(process.exitCode(1)).as(what + ": exit code").isEqualTo(2);
        softly.assertThat(output)
                .as(what + ": output")
                .contains("ctipipe " + each.service() + ": invalid configuration, 1 problem:")
                .contains("  " + each.variable() + " (config.yml ")
                .doesNotContain("\tat ")
                .doesNotContain(SECRET);
    }

    /** Settings that pass validation, every address at the tripwire. */
    private static Map<String, String> validEnvironment(Tripwire tripwire, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("OPENCTI_URL", tripwire.url());
        env.put("OPENCTI_TOKEN", SECRET);
        env.put("CONNECTOR_ID", "5f0a3a0e-2a59-4d0e-9d6c-7e0c8c7c1a11");
        env.put("CONNECTOR_LIVE_STREAM_ID", "live");
        env.put("SENTINELONE_URL", tripwire.url());
        env.put("SENTINELONE_API_KEY", SECRET);
        env.put("SENTINELONE_ACCOUNT_ID", "1000000000000000001");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + tripwire.port());
        env.put("MAPPER_STATE_DIR", dir.resolve("streams").toString());
        env.put("METRICS_HOST", "127.0.0.1");
        env.put("INGESTER_METRICS_PORT", "0");
        env.put("MAPPER_METRICS_PORT", "0");
        env.put("SINK_METRICS_PORT", "0");
        return env;
    }
}
