package io.ctipipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ctipipe mapper}: runs sentinelone-sink until stopped. */
@Command(
        name = "sink",
        mixinStandardHelpOptions = true,
        description = {
            "Run sentinelone-sink: upload IOC commands to SentinelOne (SENTINELONE_URL) in"
                    + " batches, with retries, dead-lettering what cannot be delivered.",
            "Settings come from config.yml and environment variables; see the README."
        })
final class SinkCommand implements Callable<Integer> {
    @Mixin ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.runUntilStopped(Services.SINK, config.load());
    }
}
