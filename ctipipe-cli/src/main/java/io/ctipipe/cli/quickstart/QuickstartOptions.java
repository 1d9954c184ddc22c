package io.ctipipe.cli.quickstart;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the quickstart runs: how much generated traffic, how hostile the SentinelOne emulator is,
 * and how long to wait before calling the run stuck.
 *
 * @param indicators Indicators the generator creates (then updates, revokes, deletes some)
 * @param plantedBad Indicators whose value the SentinelOne emulator rejects
 * @param seed generator and fault seed
 * @param partitions partitions of each topic
 * @param faultShare share of SentinelOne requests answered 429 or 503 (half each)
 * @param latency SentinelOne emulator latency per request
 * @param timeout longest wait for the pipeline to drain
 * @param workDir where the log file and the ground truth are written
 */
public record QuickstartOptions(
        int indicators,
        int plantedBad,
        long seed,
        int partitions,
        double faultShare,
        Duration latency,
        Duration timeout,
        Path workDir) {

    public Path logFile() {
        return workDir.resolve("quickstart.log");
    }

    public Path groundTruthFile() {
        return workDir.resolve("ground-truth.json");
    }
}
