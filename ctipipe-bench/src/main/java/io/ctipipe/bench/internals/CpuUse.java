package io.ctipipe.bench.internals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time each part of the run used between two instants: each service, and this JVM (the embedded
 * broker, both emulators and the bench itself). On a shared machine it tells how much work each
 * part does, whatever the other processes take.
 */
final class CpuUse {
    static final String THIS_JVM = "broker+emulators";

    private final Map<String, Long> start;

    private CpuUse(Map<String, Long> start) {
        this.start = start;
    }

    static CpuUse from(List<ServiceHandle> services) {
        return new CpuUse(snapshot(services));
    }

    /** CPU ms used since the start by each part; a service started later counts from zero. */
    Map<String, Long> since(List<ServiceHandle> services) {
        Map<String, Long> used = new LinkedHashMap<>();
        snapshot(services)
                .forEach((part, now) -> used.put(part, now - start.getOrDefault(part, 0L)));
        return used;
    }

    private static Map<String, Long> snapshot(List<ServiceHandle> services) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        services.forEach(service -> cpu.put(service.name(), service.cpuMillis()));
        cpu.put(THIS_JVM, ProcessStatus.cpuMillis(ProcessHandle.current().pid()));
        return cpu;
    }
}
