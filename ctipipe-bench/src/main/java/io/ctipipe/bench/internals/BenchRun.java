package io.ctipipe.bench.internals;

import io.ctipipe.cli.LogFile;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One benchmark run: generate the traffic, start the broker, the emulators and the services, then
 * the backfill, the steady rate and the baseline, one after another; print the table and the result
 * line.
 */
public final class BenchRun {
    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(2);

    private final BenchOptions options;
    private final PrintStream out;

    public BenchRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs everything; true when every phase delivered every IOC it sent. */
    public boolean run() {
        prepareWorkDir();
        BenchTraffic backfill = generate("backfill", options.indicators(), options.seed());
        int steadyCount = (int) (options.rate() * options.duration().toSeconds());
        BenchTraffic steady = generate("steady-rate", steadyCount, options.seed() + 1);

        BenchReport report;
        try (BenchEnvironment env = new BenchEnvironment(options)) {
            report = measure(env, backfill, steady);
        }
        report.print(out);
        return report.complete();
    }

    private BenchReport measure(BenchEnvironment env, BenchTraffic backfill, BenchTraffic steady) {
        step("Starting the embedded broker and the emulators");
        env.startBroker();
        OpenCtiEmulator opencti =
                env.startOpenCti(backfill.messages().size() + steady.messages().size());
        Arrivals arrivals = new Arrivals();
        Map<String, String> variables = env.variables(env.startSentinelOne(arrivals));
        opencti.append(backfill.messages());
        done(backfill.messages().size() + " events in the stream");

        try (MemoryWatch memory = new MemoryWatch()) {
            List<ServiceHandle> services = startSinkAndMapper(env, variables, memory);
            CpuUse cpu = CpuUse.from(services);
            BackfillPhase.Result filled =
                    backfill(
                            opencti,
                            arrivals,
                            backfill,
                            () ->
                                    services.add(
                                            memory.watch(env.startService("ingester", variables))));
            Map<String, Long> backfillCpu = cpu.since(services);
            SteadyRatePhase.Result rated = steadyRate(opencti, arrivals, steady);
            Map<String, MemorySample> peaks = memory.peaks();
            Map<String, Long> live = new LinkedHashMap<>();
            services.forEach(service -> live.put(service.name(), service.liveHeapAfterFullGc()));
            services.forEach(memory::forget);
            closeAll(services);

            BaselinePhase.Result baseline = baseline(env);
            return new BenchReport(
                    options, backfill, filled, backfillCpu, steady, rated, peaks, live, baseline);
        }
    }

    private List<ServiceHandle> startSinkAndMapper(
            BenchEnvironment env, Map<String, String> variables, MemoryWatch memory) {
        step("Starting sentinelone-sink and ioc-mapper-streams");
        List<ServiceHandle> services = new ArrayList<>();
        services.add(memory.watch(env.startService("sink", variables)));
        services.add(memory.watch(env.startService("mapper", variables)));
        awaitHealthy(services);
        done(options.separateJvms() ? "one JVM each" : "in this JVM");
        return services;
    }

    private BackfillPhase.Result backfill(
            OpenCtiEmulator opencti,
            Arrivals arrivals,
            BenchTraffic backfill,
            Runnable startIngester) {
        out.println(
                "Backfill: stream-ingester starts on "
                        + backfill.indicators()
                        + " Indicators, "
                        + backfill.expectedIocs()
                        + " IOCs to deliver");
        return new BackfillPhase(opencti, arrivals, out)
                .run(
                        backfill.indicators(),
                        backfill.expectedIocs(),
                        startIngester,
                        options.phaseTimeout(backfill.indicators()));
    }

    /** Stops the services at once rather than one after another: each takes seconds. */
    private static void closeAll(List<ServiceHandle> services) {
        services.stream()
                .map(service -> CompletableFuture.runAsync(service::close))
                .toList()
                .forEach(CompletableFuture::join);
    }

    private SteadyRatePhase.Result steadyRate(
            OpenCtiEmulator opencti, Arrivals arrivals, BenchTraffic steady) {
        out.println(
                "Steady rate: "
                        + options.rate()
                        + " Indicators/s for "
                        + options.duration().toSeconds()
                        + " s");
        return new SteadyRatePhase(opencti, arrivals)
                .run(steady, options.rate(), options.phaseTimeout(steady.indicators()));
    }

    private BaselinePhase.Result baseline(BenchEnvironment env) {
        if (options.baselineSample().isZero()) {
            return new BaselinePhase.Result(0, 0);
        }
        out.println(
                "Baseline: one IOC per request, one at a time, "
                        + options.baselineSample().toSeconds()
                        + " s sample");
        return new BaselinePhase(env).run(options.baselineSample());
    }

    private BenchTraffic generate(String what, int indicators, long seed) {
        step("Generating " + indicators + " " + what + " Indicators");
        BenchTraffic traffic = BenchTraffic.generate(indicators, seed);
        done(traffic.messages().size() + " events, " + traffic.expectedIocs() + " IOCs expected");
        return traffic;
    }

    private void awaitHealthy(List<ServiceHandle> services) {
        for (ServiceHandle service : services) {
            if (!Waiting.until(service::healthy, HEALTHY_TIMEOUT)) {
                throw new IllegalStateException(service.name() + " did not become healthy");
            }
        }
    }

    private void prepareWorkDir() {
        try {
            Files.createDirectories(options.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.workDir(), e);
        }
        LogFile.redirectTo(options.logFile());
    }

    private void step(String what) {
        out.print(what + " ... ");
        out.flush();
    }

    private void done(String detail) {
        out.println(detail);
    }
}
