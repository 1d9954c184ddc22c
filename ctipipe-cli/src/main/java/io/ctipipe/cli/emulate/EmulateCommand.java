package io.ctipipe.cli.emulate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ctipipe emulate}: run one of the project's emulators on its own. */
@Command(
        name = "emulate",
        mixinStandardHelpOptions = true,
        description = "Run an emulator of an external platform on its own (loopback by default).",
        subcommands = {EmulateOpenCtiCommand.class, EmulateSentinelOneCommand.class})
public final class EmulateCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name the emulator");
    }
}
