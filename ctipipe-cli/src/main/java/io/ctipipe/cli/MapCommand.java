package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.mapper.MapperConfig;
import io.ctipipe.mapper.MappingDryRun;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ctipipe map}: the mapping as a dry run, no Kafka needed. */
@Command(
        name = "map",
        mixinStandardHelpOptions = true,
        description = {
            "Dry run of the mapping: read STIX (a bundle, a JSON array, or JSON lines of STIX"
                    + " objects or stream messages {\"event\",\"id\",\"data\"}) and print one JSON"
                    + " line per Indicator: {\"indicator\",\"action\",\"iocs\",\"reason\"},"
                    + " with \"dropped\" listing OR branches that could not be IOCs.",
            "Ends with one summary line on stderr: N decisions for I Indicators: U upsert,"
                    + " D delete, S skip (an Indicator seen in several events gets a decision"
                    + " per event).",
            "Uses the same code and the same filters (MAPPER_*) as the mapper service."
        })
final class MapCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigFileOption config;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            defaultValue = "-",
            description = "Input file, or - for stdin (default).")
    String input;

    @Override
    public Integer call() throws Exception {
        ConfigReader reader = new ConfigReader(config.load());
        MapperConfig mapperConfig = MapperConfig.load(reader);
        reader.throwIfInvalid();
        if ("-".equals(input)) {
            if (System.console() != null) {
                // A bare `ctipipe map` at a terminal would otherwise wait without a word.
                System.err.println("ctipipe map: reading STIX from stdin; Ctrl-D ends the input");
            }
            return map(System.in, mapperConfig);
        }
        Path file = Path.of(input);
        String problem = unreadable(file);
        if (problem != null) {
            throw new ParameterException(
                    spec.commandLine(), "cannot read input file " + file + ": " + problem);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return map(in, mapperConfig);
        }
    }

    /** Why the file cannot be read, or null when it can. */
    private static String unreadable(Path file) {
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory, not a file";
        }
        return Files.isReadable(file) ? null : "permission denied";
    }

    private static int map(InputStream in, MapperConfig mapperConfig) {
        ByteCount counted = new ByteCount(in);
        DecisionTally tally = new DecisionTally(System.out);
        PrintStream out = new PrintStream(tally, false, StandardCharsets.UTF_8);
        int code = MappingDryRun.run(counted, out, System.err, mapperConfig);
        out.flush();
        if (code != MappingDryRun.INVALID_JSON) {
            System.err.println("ctipipe map: " + tally.summary(counted.bytes == 0));
        }
        return code;
    }

    /** Counts the bytes read, to tell an empty input from one without Indicators. */
    private static final class ByteCount extends FilterInputStream {
        long bytes;

        ByteCount(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            bytes += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            bytes += Math.max(read, 0);
            return read;
        }
    }
}
