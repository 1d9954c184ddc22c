package io.ctipipe.ops.internals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Where to move a consumer group, with the semantics of {@code kafka-consumer-groups
 * --reset-offsets}: a time past the last record means the latest offset, explicit offsets and
 * shifts are clamped to what the log holds, a shift needs a committed offset.
 */
public sealed interface ResetSpec {

    /** The new offset for a partition, or empty to leave the partition alone. */
    OptionalLong target(PartitionPosition position);

    /** The reset time, when the spec is one; partitions are then looked up by timestamp. */
    default Optional<Instant> resetTime() {
        return Optional.empty();
    }

    /** The spec with relative times made absolute. */
    default ResetSpec resolve(Instant now) {
        return this;
    }

    /** How the spec reads on the command line. */
    String describe();

    /** Parses {@code N} (every partition) or {@code P:N,P:N} (those partitions only). */
    static ResetSpec toOffset(String text) {
        String value = text.trim();
        if (!value.contains(":")) {
            return new ToOffset(number(value, text));
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        for (String pair : value.split(",")) {
            String[] parts = pair.trim().split(":", -1);
            if (parts.length != 2) {
                throw badOffsets(text);
            }
            int partition = Math.toIntExact(number(parts[0], text));
            if (offsets.put(partition, number(parts[1], text)) != null) {
                throw new IllegalArgumentException(
                        "partition " + partition + " given twice in '" + text + "'");
            }
        }
        return new ToPartitionOffsets(offsets);
    }

    private static long number(String part, String text) {
        try {
            long number = Long.parseLong(part.trim());
            if (number < 0) {
                throw badOffsets(text);
            }
            return number;
        } catch (NumberFormatException | ArithmeticException e) {
            throw badOffsets(text);
        }
    }

    private static IllegalArgumentException badOffsets(String text) {
        return new IllegalArgumentException(
                "expected an offset N or partition:offset pairs such as 0:120,2:80, got '"
                        + text
                        + "'");
    }

    /** The first record at or after a time; the latest offset when there is none. */
    record ToDatetime(Instant time) implements ResetSpec {
        @Override
        public OptionalLong target(PartitionPosition position) {
            long atTime = position.atTime().orElse(position.latest());
            return OptionalLong.of(atTime);
        }

        @Override
        public Optional<Instant> resetTime() {
            return Optional.of(time);
        }

        @Override
        public String describe() {
            return "--to-datetime " + time;
        }
    }

    /** {@link ToDatetime} that long before now. */
    record ByDuration(Duration duration) implements ResetSpec {
        @Override
        public OptionalLong target(PartitionPosition position) {
            throw new IllegalStateException("resolve a duration to a time first");
        }

        @Override
        public ResetSpec resolve(Instant now) {
            return new ToDatetime(now.minus(duration));
        }

        @Override
        public String describe() {
            return "--by-duration " + duration;
        }
    }

    /** One offset for every partition. */
    record ToOffset(long offset) implements ResetSpec {
        @Override
        public OptionalLong target(PartitionPosition position) {
            return OptionalLong.of(position.clamp(offset));
        }

        @Override
        public String describe() {
            return "--to-offset " + offset;
        }
    }

    /** An offset for each listed partition; the others keep theirs. */
    record ToPartitionOffsets(Map<Integer, Long> offsets) implements ResetSpec {
        public ToPartitionOffsets {
            offsets = Map.copyOf(offsets);
        }

        @Override
        public OptionalLong target(PartitionPosition position) {
            Long offset = offsets.get(position.partition());
            return offset == null ? OptionalLong.empty() : OptionalLong.of(position.clamp(offset));
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("--to-offset ");
            new TreeMap<>(offsets)
                    .forEach((p, o) -> text.append(p).append(':').append(o).append(','));
            return text.substring(0, text.length() - 1);
        }
    }

    /** The log start. */
    record ToEarliest() implements ResetSpec {
        @Override
        public OptionalLong target(PartitionPosition position) {
            return OptionalLong.of(position.earliest());
        }

        @Override
        public String describe() {
            return "--to-earliest";
        }
    }

    /** The last stable offset: everything committed so far counts as processed. */
    record ToLatest() implements ResetSpec {
        @Override
        public OptionalLong target(PartitionPosition position) {
            return OptionalLong.of(position.latest());
        }

        @Override
        public String describe() {
            return "--to-latest";
        }
    }

    /** The committed offset plus (or minus) a number of records. */
    record ShiftBy(long delta) implements ResetSpec {
        @Override
        public OptionalLong target(PartitionPosition position) {
            if (position.committed().isEmpty()) {
                throw new IllegalArgumentException(
                        "cannot shift partition "
                                + position.partition()
                                + ": the group has no committed offset there; use --to-offset"
                                + " or --to-earliest");
            }
            return OptionalLong.of(position.clamp(position.committed().getAsLong() + delta));
        }

        @Override
        public String describe() {
            return "--shift-by " + delta;
        }
    }
}
