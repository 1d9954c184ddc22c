package io.ctipipe.ops;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ctipipe dlq}: inspect and redrive the dead-letter topics. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = {
            "Inspect and redrive dead letters: IOC commands the sink gave up on (iocs-dlq), raw"
                    + " events the mapper could not read (events-dlq), and Indicators the mapper"
                    + " could not map (skipped, list and show only).",
            "Dead letters keep their original key, value and headers; the context (source"
                    + " topic, error, HTTP status, attempts) is in extra headers."
        },
        subcommands = {DlqListCommand.class, DlqShowCommand.class, DlqRedriveCommand.class})
public final class DlqCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(), "Missing a command: list, show or redrive");
    }
}
