package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into a clear message on stderr and a non-zero exit code, never a stack trace (set
 * {@code CTIPIPE_DEBUG=1} to see one). A configuration problem exits with 2, anything else with 1.
 */
final class OneLineErrorHandler implements IExecutionExceptionHandler {
    static final int CONFIG_ERROR = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (System.getenv("CTIPIPE_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        if (e instanceof ConfigException) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return CONFIG_ERROR;
        }
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + describe(e));
        return FAILURE;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            return message + ": " + root.getMessage();
        }
        return message;
    }
}
