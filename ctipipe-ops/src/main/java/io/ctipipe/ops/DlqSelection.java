package io.ctipipe.ops;

import io.ctipipe.ops.internals.DeadLetterFilter;
import io.ctipipe.ops.internals.DeadLetterKind;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The options that choose a topic and the dead letters in it, for list and redrive. */
final class DlqSelection {
    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = "iocs-dlq",
            converter = OptionTypes.DeadLetterKindType.class,
            description =
                    "iocs-dlq (the sink's dead letters, default), events-dlq (the mapper's) or"
                            + " skipped (Indicators the mapper could not map).")
    DeadLetterKind kind;

    @Option(
            names = "--since",
            paramLabel = "TIME|DURATION",
            converter = OptionTypes.SinceType.class,
            description =
                    "Only records dead-lettered since TIME (ISO-8601) or DURATION ago (30m, 2h,"
                            + " 3d, PT1H).")
    Instant since;

    @Option(names = "--status", paramLabel = "N", description = "Only records with HTTP status N.")
    Integer status;

    @Option(
            names = "--error",
            paramLabel = "TEXT",
            description =
                    "Only records whose error class, message or skip reason contains TEXT"
                            + " (case-insensitive).")
    String error;

    DeadLetterFilter filter() {
        return new DeadLetterFilter(since, status, error);
    }
}
