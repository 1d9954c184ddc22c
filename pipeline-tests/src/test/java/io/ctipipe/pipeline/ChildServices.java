package io.ctipipe.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The pipeline's services each in a JVM of its own, restarted after every kill. */
final class ChildServices implements AutoCloseable {
    private static final List<String> LOGGING =
            List.of(
                    "-Dlogback.configurationFile="
                            + ChildServices.class.getResource("/child-logback.xml"));
    private final Map<String, String> env;
    private final Path dir;
    private final Map<String, ServiceProcess> running = new HashMap<>();
    private int started;

    /** Logs go to dir, emptied first so that every file there is from this run. */
    ChildServices(Map<String, String> env, Path dir) {
        this.env = env;
        this.dir = dir;
        try (Stream<Path> old = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            old.forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start(String service) {
        started++;
        Path log = dir.resolve(service + "-" + started + ".log");
        running.put(service, ServiceProcess.start(service, env, LOGGING, log));
    }

    void killAndRestart(String service) throws InterruptedException {
        running.remove(service).kill();
        start(service);
    }

    int started() {
        return started;
    }

    @Override
    public void close() {
        running.values().forEach(ServiceProcess::close);
    }
}
