package io.ctipipe.ops;

import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.ops.internals.DeadLetterKind;
import io.ctipipe.ops.internals.ResetSpec;
import io.ctipipe.ops.internals.StreamStart;
import io.ctipipe.ops.internals.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the option values the operations commands share; a bad value is reported
 * by picocli as one line naming the option and the accepted forms.
 */
final class OptionTypes {
    private OptionTypes() {}

    static <T> T convert(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** An ISO-8601 time; UTC when it has no zone. */
    static final class InstantType implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return OptionTypes.convert(value, TimeText::instant);
        }
    }

    /** ISO-8601 ({@code PT1H}) or {@code 30m}, {@code 2h}, {@code 3d}. */
    static final class DurationType implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return OptionTypes.convert(value, TimeText::duration);
        }
    }

    /** A time, or a duration meaning that long ago. */
    static final class SinceType implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return OptionTypes.convert(value, text -> TimeText.sinceOrAgo(text, Instant.now()));
        }
    }

    /** {@code iocs-dlq}, {@code events-dlq} or {@code skipped}. */
    static final class DeadLetterKindType implements ITypeConverter<DeadLetterKind> {
        @Override
        public DeadLetterKind convert(String value) {
            return OptionTypes.convert(value, DeadLetterKind::fromOption);
        }
    }

    /** {@code N} or {@code P:N,P:N}. */
    static final class OffsetsType implements ITypeConverter<ResetSpec> {
        @Override
        public ResetSpec convert(String value) {
            return OptionTypes.convert(value, ResetSpec::toOffset);
        }
    }

    /** A stream id {@code <ms>-<seq>} or an ISO-8601 time. */
    static final class StreamStartType implements ITypeConverter<StreamPosition> {
        @Override
        public StreamPosition convert(String value) {
            return OptionTypes.convert(value, StreamStart::parse);
        }
    }

    /** {@code partition:offset}. */
    static final class CoordinatesType implements ITypeConverter<TopicPartitionOffset> {
        @Override
        public TopicPartitionOffset convert(String value) {
            return OptionTypes.convert(value, TopicPartitionOffset::parse);
        }
    }

    /** {@code mapper}, {@code sink} or {@code ingester}. */
    static final class StageType implements ITypeConverter<ReplayStage> {
        @Override
        public ReplayStage convert(String value) {
            return OptionTypes.convert(value, ReplayStage::fromOption);
        }
    }
}
