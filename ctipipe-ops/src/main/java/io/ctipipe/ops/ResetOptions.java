package io.ctipipe.ops;

import io.ctipipe.ops.internals.ResetSpec;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The mutually exclusive {@code --to-*} options of {@code ctipipe replay}. */
final class ResetOptions {
    @Option(
            names = "--to-datetime",
            paramLabel = "TIME",
            converter = OptionTypes.InstantType.class,
            description =
                    "The first record at or after TIME (ISO-8601; UTC without a zone; a plain"
                            + " date is midnight UTC). Past the last record: the latest offset.")
    Instant toDatetime;

    @Option(
            names = "--by-duration",
            paramLabel = "DURATION",
            converter = OptionTypes.DurationType.class,
            description = "As --to-datetime, DURATION before now: PT1H, P1DT2H, 30m, 2h, 3d.")
    Duration byDuration;

    @Option(
            names = "--to-offset",
            paramLabel = "N|P:N,...",
            converter = OptionTypes.OffsetsType.class,
            description =
                    "Offset N in every partition, or P:N for the listed partitions only;"
                            + " clamped to what the log holds.")
    ResetSpec toOffset;

    @Option(names = "--to-earliest", description = "The start of the log.")
    boolean toEarliest;

    @Option(names = "--to-latest", description = "The end of the log: skip what is waiting.")
    boolean toLatest;

    @Option(
            names = "--shift-by",
            paramLabel = "N",
            description = "The committed offset plus N (negative: back); clamped to the log.")
    Long shiftBy;

    ResetSpec spec() {
        if (toDatetime != null) {
            return new ResetSpec.ToDatetime(toDatetime);
        }
        if (byDuration != null) {
            return new ResetSpec.ByDuration(byDuration);
        }
        if (toOffset != null) {
            return toOffset;
        }
        if (toEarliest) {
            return new ResetSpec.ToEarliest();
        }
        if (toLatest) {
            return new ResetSpec.ToLatest();
        }
        if (shiftBy != null) {
            return new ResetSpec.ShiftBy(shiftBy);
        }
        throw new IllegalStateException("no reset option given");
    }
}
