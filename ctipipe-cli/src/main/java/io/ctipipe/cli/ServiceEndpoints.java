package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigKey;
import java.util.List;

/** Where each service serves {@code /metrics} and {@code /health}. */
public final class ServiceEndpoints {
    public static final ConfigKey METRICS_HOST =
            ConfigKey.of("metrics.host", "0.0.0.0", "Address the metrics and health port binds.");
    public static final ConfigKey INGESTER_METRICS_PORT =
            ConfigKey.of(
                    "ingester.metrics_port", "9401", "stream-ingester /metrics and /health port.");
    public static final ConfigKey MAPPER_METRICS_PORT =
            ConfigKey.of(
                    "mapper.metrics_port", "9402", "ioc-mapper-streams /metrics and /health port.");
    public static final ConfigKey SINK_METRICS_PORT =
            ConfigKey.of(
                    "sink.metrics_port", "9403", "sentinelone-sink /metrics and /health port.");

    private ServiceEndpoints() {}

    public static List<ConfigKey> keys() {
        return List.of(METRICS_HOST, INGESTER_METRICS_PORT, MAPPER_METRICS_PORT, SINK_METRICS_PORT);
    }
}
