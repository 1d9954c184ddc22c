package io.ctipipe.cli;

import io.ctipipe.ingester.IngesterConfig;
import io.ctipipe.ingester.StreamIngesterService;
import io.ctipipe.mapper.IocMapperService;
import io.ctipipe.mapper.MapperConfig;
import io.ctipipe.sink.SentinelOneSinkService;
import io.ctipipe.sink.SinkConfig;

/** The three pipeline services, as the commands and the quickstart run them. */
public final class Services {
    public static final ServiceDefinition<IngesterConfig> INGESTER =
            new ServiceDefinition<>(
                    "stream-ingester",
                    ServiceEndpoints.INGESTER_METRICS_PORT,
                    IngesterConfig::load,
                    IngesterConfig::kafka,
                    StreamIngesterService::new,
                    IngesterConfig.keys());

    public static final ServiceDefinition<MapperConfig> MAPPER =
            new ServiceDefinition<>(
                    "ioc-mapper-streams",
                    ServiceEndpoints.MAPPER_METRICS_PORT,
                    MapperConfig::load,
                    MapperConfig::kafka,
                    IocMapperService::new,
                    MapperConfig.keys());

    public static final ServiceDefinition<SinkConfig> SINK =
            new ServiceDefinition<>(
                    "sentinelone-sink",
                    ServiceEndpoints.SINK_METRICS_PORT,
                    SinkConfig::load,
                    SinkConfig::kafka,
                    SentinelOneSinkService::new,
                    SinkConfig.keys());

    private Services() {}
}
