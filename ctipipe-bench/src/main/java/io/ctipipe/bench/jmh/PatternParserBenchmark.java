package io.ctipipe.bench.jmh;

import io.ctipipe.mapper.pattern.ObservationExpression;
import io.ctipipe.mapper.pattern.PatternParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** STIX patterns parsed per second on one thread, over the generator's mix of STIX patterns. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PatternParserBenchmark {
    private String[] patterns;
    private int next;

    @Setup
    public void generate() {
        patterns =
                BenchInput.indicatorCreates(5_000, 7).stream()
                        .map(BenchInput::stix)
                        .filter(stix -> "stix".equals(stix.path("pattern_type").asText()))
                        .map(stix -> stix.path("pattern").asText())
                        .toArray(String[]::new);
    }

    @Benchmark
    public ObservationExpression parse() {
        String pattern = patterns[next];
        next = next + 1 == patterns.length ? 0 : next + 1;
        return PatternParser.parse(pattern);
    }
}
