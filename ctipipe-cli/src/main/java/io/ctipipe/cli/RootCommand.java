package io.ctipipe.cli;

import io.ctipipe.cli.emulate.EmulateCommand;
import io.ctipipe.cli.quickstart.QuickstartCommand;
import io.ctipipe.ops.DlqCommand;
import io.ctipipe.ops.ReplayCommand;
import io.ctipipe.ops.StatusCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code ctipipe} command: lists the subcommands. */
@Command(
        name = "ctipipe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Carries OpenCTI Indicators into SentinelOne's IOC API through Kafka.",
        subcommands = {
            QuickstartCommand.class,
            IngesterCommand.class,
            MapperCommand.class,
            SinkCommand.class,
            MapCommand.class,
            EmulateCommand.class,
            ReplayCommand.class,
            DlqCommand.class,
            StatusCommand.class,
            BrokerCommand.class,
            BenchCommand.class
        })
final class RootCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command");
    }
}
