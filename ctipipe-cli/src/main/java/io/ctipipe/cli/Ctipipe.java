package io.ctipipe.cli;

import io.ctipipe.cli.emulate.EmulateSentinelOneCommand;
import picocli.CommandLine;

/** Entry point of the {@code ctipipe} tool: parses the command line and runs a subcommand. */
public final class Ctipipe {
    private Ctipipe() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code, without exiting the JVM (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setExecutionExceptionHandler(new OneLineErrorHandler());
        commandLine.setParameterExceptionHandler(new ShortUsageErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(
                new UnknownKeyReporter(
                        ConfigReference.byEnvironmentName().values(), new CommandLine.RunLast()));
        EmulateSentinelOneCommand.describeEmulatorOptions(commandLine);
        return commandLine;
    }
}
