package io.ctipipe.cli;

import io.ctipipe.mapper.IocMapperService;
import io.ctipipe.mapper.MapperConfig;

/** The three pipeline services, as the commands and the quickstart run them. */
final class Services {
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
