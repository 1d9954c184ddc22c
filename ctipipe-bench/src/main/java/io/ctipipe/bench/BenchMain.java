package io.ctipipe.bench;

import picocli.CommandLine;

/**
 * Runs {@link BenchCommand} on its own: {@code java -jar ctipipe-bench/target/ctipipe-bench.jar
 * --help}, for when the {@code ctipipe} launcher is not at hand.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
