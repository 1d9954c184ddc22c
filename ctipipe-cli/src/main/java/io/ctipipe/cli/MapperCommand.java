package io.ctipipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ctipipe mapper}: runs ioc-mapper-streams until stopped. */
@Command(
        name = "mapper",
        mixinStandardHelpOptions = true,
        description = {
            "Run ioc-mapper-streams: raw OpenCTI events to SentinelOne IOC commands"
                    + " (Kafka Streams, exactly-once).",
            "Settings come from config.yml and environment variables; see the README."
        })
final class MapperCommand implements Callable<Integer> {
    @Mixin ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.runUntilStopped(Services.MAPPER, config.load());
    }
}
