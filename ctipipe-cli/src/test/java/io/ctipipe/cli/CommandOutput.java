package io.ctipipe.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the tool as {@code main} would and keeps what it wrote: picocli's own streams and {@code
 * System.out} / {@code System.err}, which {@code ctipipe map} writes to directly.
 */
record CommandOutput(int exitCode, String out, String err) {

    static CommandOutput run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        CommandLine commandLine = Ctipipe.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int code;
        try {
            System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
            code = commandLine.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new CommandOutput(
                code,
                systemOut.toString(StandardCharsets.UTF_8),
                err + systemErr.toString(StandardCharsets.UTF_8));
    }
}
