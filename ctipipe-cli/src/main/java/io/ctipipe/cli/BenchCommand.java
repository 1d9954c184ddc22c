package io.ctipipe.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ctipipe bench} as the help lists it. The benchmark is its own module and jar (it drives
 * this tool's pipeline, so this tool cannot contain it); the {@code ctipipe} launcher script sends
 * {@code ./ctipipe bench ...} to that jar. This entry only lists it, and points there when the
 * tool's own jar is run with {@code bench}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark the whole pipeline on this machine (throughput, latency, memory, and the"
                    + " ratio to a one-IOC-per-request baseline). It ships as its own jar:"
                    + " './ctipipe bench --help' lists its options."
        })
final class BenchCommand implements Callable<Integer> {
    static final String BENCH_JAR = "ctipipe-bench/target/ctipipe-bench.jar";

    @Unmatched List<String> benchArguments;

    @Override
    public Integer call() {
        throw new IllegalStateException(
                "the benchmark is its own jar: run './ctipipe bench ...' from the repository, or"
                        + " 'java -jar "
                        + BENCH_JAR
                        + " ...'");
    }
}
