package io.ctipipe.bench.internals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples each service's memory on a timer and keeps the peaks. */
final class MemoryWatch implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final List<ServiceHandle> services = new CopyOnWriteArrayList<>();
    private final Map<String, MemorySample> peaks = new LinkedHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "bench-memory-watch");
                        thread.setDaemon(true);
                        return thread;
                    });

    MemoryWatch() {
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Samples this service from now on, and returns it. */
    ServiceHandle watch(ServiceHandle service) {
        synchronized (peaks) {
            peaks.put(service.name(), MemorySample.UNKNOWN);
        }
        services.add(service);
        return service;
    }

    /** Stops sampling this service; its peaks stay. */
    void forget(ServiceHandle service) {
        services.remove(service);
    }

    private void sample() {
        for (ServiceHandle service : services) {
            MemorySample now = service.memory();
            synchronized (peaks) {
                peaks.merge(service.name(), now, MemorySample::max);
            }
        }
    }

    /** Peak figures per service, in start order. */
    Map<String, MemorySample> peaks() {
        synchronized (peaks) {
            return new LinkedHashMap<>(peaks);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
