package io.ctipipe.bench.internals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service run as production runs it, {@code ctipipe ingester|mapper|sink} in a JVM of its own,
 * configured by environment variables, its output in a log file. Heap figures come from its GC log,
 * resident memory and CPU time from {@code /proc}. Its {@code /metrics} is not scraped for heap:
 * scraping it four times a second took 12-20% of each service's CPU samples in a JFR profile, which
 * slowed the very thing being measured.
 */
final class ServiceProcess implements ServiceHandle {
    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final String MAIN = "io.ctipipe.cli.Ctipipe";
    private static final Duration STOP_WAIT = Duration.ofSeconds(45);
    private static final Set<String> INHERITED =
            Set.of("PATH", "HOME", "JAVA_HOME", "TMPDIR", "LANG", "LC_ALL", "TZ", "USER");

    private final AtomicBoolean closed = new AtomicBoolean();
    private final String name;
    private final Process process;
    private final Path gcLog;
    private final URI health;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(String name, Process process, int port, Path gcLog) {
        this.name = name;
        this.process = process;
        this.gcLog = gcLog;
        this.health = URI.create("http://127.0.0.1:" + port + "/health");
    }

    /** Starts {@code ctipipe <name>} with these variables; its metrics port must be among them. */
    static ServiceProcess start(
            String name, Map<String, String> env, List<String> jvmOptions, Path logFile, int port) {
        Path gcLog = logFile.resolveSibling(logFile.getFileName() + ".gc");
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(GcLog.option(gcLog));
        ProcessBuilder builder = new ProcessBuilder(command(name, options));
        // Only these variables and the bench's own: a KAFKA_* or SINK_* setting in the shell
        // that runs the bench must not reach the services.
        builder.environment().keySet().retainAll(INHERITED);
        builder.environment().putAll(env);
        builder.directory(logFile.getParent().toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(logFile.toFile());
        try {
            Process process = builder.start();
            log.info("Started service={} pid={} log={}", name, process.pid(), logFile);
            return new ServiceProcess(name, process, port, gcLog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " JVM", e);
        }
    }

    private static List<String> command(String name, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(MAIN);
        command.add(name);
        return command;
    }

    /** This JVM's class path, absolute: the service JVM runs in the work directory. */
    static String classPath() {
        String separator = File.pathSeparator;
        return Arrays.stream(System.getProperty("java.class.path").split(separator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(separator));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean healthy() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " JVM exited with " + process.exitValue());
        }
        return get(health).map(response -> response.statusCode() == 200).orElse(false);
    }

    /** Heap from the GC log, resident set from /proc. */
    @Override
    public MemorySample memory() {
        long[] resident = ProcessStatus.residentBytes(process.pid());
        MemorySample heap = GcLog.read(gcLog);
        return new MemorySample(heap.heapUsed(), heap.liveData(), resident[0], resident[1]);
    }

    /** Runs {@code jcmd <pid> GC.run} and reads the full collection's result from the GC log. */
    @Override
    public long liveHeapAfterFullGc() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run =
                    new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!run.waitFor(30, TimeUnit.SECONDS)) {
                run.destroyForcibly();
                return -1;
            }
            return GcLog.afterLastFullGc(gcLog);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public long cpuMillis() {
        return ProcessStatus.cpuMillis(process.pid());
    }

    long pid() {
        return process.pid();
    }

    private Optional<HttpResponse<String>> get(URI uri) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Service did not stop in time; killing it service={}", name);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        log.info("Stopped service={} exit={}", name, process.isAlive() ? "?" : process.exitValue());
    }
}
