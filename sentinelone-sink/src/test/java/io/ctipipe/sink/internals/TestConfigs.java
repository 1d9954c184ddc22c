package io.ctipipe.sink.internals;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.sink.SinkConfig;
import java.util.HashMap;
import java.util.Map;

/** Sink configurations for tests: fast retries, a given URL. */
public final class TestConfigs {
    private TestConfigs() {}

    public static Map<String, String> fastEnv(String url, String apiKey, String accountId) {
        Map<String, String> env = new HashMap<>();
        env.put("SENTINELONE_URL", url);
        env.put("SENTINELONE_API_KEY", apiKey);
        env.put("SENTINELONE_ACCOUNT_ID", accountId);
        env.put("SENTINELONE_MAX_API_ATTEMPTS", "3");
        env.put("SENTINELONE_TIMEOUT", "5s");
        env.put("CONNECTOR_NAME", Fixtures.SOURCE);
        env.put("SINK_RETRY_BACKOFF", "10ms");
        env.put("SINK_RETRY_MAX_BACKOFF", "50ms");
        env.put("SINK_AUTH_RETRY_INTERVAL", "200ms");
        env.put("SINK_LINGER", "100ms");
        return env;
    }

    public static SinkConfig config(Map<String, String> env) {
        return SinkConfig.from(ConfigSource.of(Map.of(), env));
    }
}
