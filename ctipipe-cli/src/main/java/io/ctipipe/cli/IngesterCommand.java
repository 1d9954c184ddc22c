package io.ctipipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ctipipe mapper}: runs stream-ingester until stopped. */
@Command(
        name = "ingester",
        mixinStandardHelpOptions = true,
        description = {
            "Run stream-ingester: read the OpenCTI live stream (OPENCTI_URL,"
                    + " CONNECTOR_LIVE_STREAM_ID) into Kafka, exactly once, resuming from the"
                    + " position stored in Kafka.",
            "Settings come from config.yml and environment variables; see the README."
        })
final class IngesterCommand implements Callable<Integer> {
    @Mixin ConfigFileOption config;

    @Override
    public Integer call() throws Exception {
        return ServiceRunner.runUntilStopped(Services.INGESTER, config.load());
    }
}
