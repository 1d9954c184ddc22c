package io.ctipipe.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A {@code ctipipe} command in a JVM of its own, started as a user starts it (the tool's main class
 * and classpath, settings only from environment variables); a service is killed with SIGKILL: no
 * shutdown hook, no flush, no commit.
 */
final class ServiceProcess implements AutoCloseable {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final String service;
    private final Process process;
    private final Path log;

    private ServiceProcess(String service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code ctipipe <service>} with exactly these variables; output goes to log. */
    static ServiceProcess start(
            String service, Map<String, String> env, List<String> jvmOptions, Path log) {
        return start(List.of(service), env, jvmOptions, log);
    }

    /** Starts {@code ctipipe <args>} with exactly these variables; output goes to log. */
    static ServiceProcess start(
            List<String> args, Map<String, String> env, List<String> jvmOptions, Path log) {
        String service = String.join(" ", args);
        List<String> command = new ArrayList<>();
        command.addAll(List.of(JAVA, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), "io.ctipipe.cli.Ctipipe"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.directory(log.getParent().toFile());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ctipipe " + service, e);
        }
    }

    /**
     * The classpath of this test JVM without its test classes, so that the service logs with the
     * tool's own logging configuration.
     */
    static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    String service() {
        return service;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code, or -1 if it did not end in time. */
    int exitCode(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
