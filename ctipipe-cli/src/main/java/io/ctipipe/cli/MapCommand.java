package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.mapper.MapperConfig;
import io.ctipipe.mapper.MappingDryRun;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ctipipe map}: the mapping as a dry run, no Kafka needed. */
@Command(
        name = "map",
        mixinStandardHelpOptions = true,
        description = {
            "Dry run of the mapping: read STIX (a bundle, a JSON array, or JSON lines of STIX"
                    + " objects or stream messages {\"event\",\"id\",\"data\"}) and print one JSON"
                    + " line per Indicator: {\"indicator\",\"action\",\"iocs\",\"reason\"}.",
            "Uses the same code and the same filters (MAPPER_*) as the mapper service."
        })
final class MapCommand implements Callable<Integer> {
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
        PrintStream out = System.out;
        if ("-".equals(input)) {
            return MappingDryRun.run(System.in, out, System.err, mapperConfig);
        }
        Path file = Path.of(input);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read input file " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return MappingDryRun.run(in, out, System.err, mapperConfig);
        }
    }
}
