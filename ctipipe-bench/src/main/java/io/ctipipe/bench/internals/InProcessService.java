package io.ctipipe.bench.internals;

import io.ctipipe.cli.ServiceRunner;
import io.ctipipe.contracts.observability.Health;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A service run in this JVM through {@code ServiceRunner}, as the quickstart runs it. Its memory is
 * the whole JVM's (broker, emulators and the other services included).
 */
final class InProcessService implements ServiceHandle {
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String name;
    private final ServiceRunner.Started started;

    InProcessService(String name, ServiceRunner.Started started) {
        this.name = name;
        this.started = started;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean healthy() {
        Health health = started.service().health();
        return health.up();
    }

    @Override
    public MemorySample memory() {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long[] resident = ProcessStatus.residentBytes(ProcessHandle.current().pid());
        return new MemorySample(heap, -1, resident[0], resident[1]);
    }

    @Override
    public long liveHeapAfterFullGc() {
        return -1;
    }

    @Override
    public long cpuMillis() {
        return ProcessStatus.cpuMillis(ProcessHandle.current().pid());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        started.close();
    }
}
