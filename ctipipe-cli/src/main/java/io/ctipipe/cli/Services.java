package io.ctipipe.cli;

import io.ctipipe.ingester.IngesterConfig;
import io.ctipipe.ingester.StreamIngesterService;
import io.ctipipe.mapper.IocMapperService;
import io.ctipipe.mapper.MapperConfig;

/** The three pipeline services, as the commands and the quickstart run them. */
final class Services {
    static final ServiceDefinition<IngesterConfig> INGESTER =
            new ServiceDefinition<>(
                    "stream-ingester",
                    ServiceEndpoints.INGESTER_METRICS_PORT,
                    IngesterConfig::load,
                    IngesterConfig::kafka,
                    StreamIngesterService::new,
                    IngesterConfig.keys());

    static final ServiceDefinition<MapperConfig> MAPPER =
            new ServiceDefinition<>(
                    "ioc-mapper-streams",
                    ServiceEndpoints.MAPPER_METRICS_PORT,
                    MapperConfig::load,
                    MapperConfig::kafka,
                    IocMapperService::new,
                    MapperConfig.keys());

    private Services() {}
}
