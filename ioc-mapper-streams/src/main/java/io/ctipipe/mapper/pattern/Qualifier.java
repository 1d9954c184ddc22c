package io.ctipipe.mapper.pattern;

import java.math.BigDecimal;
import java.util.Objects;

/** The qualifiers of the STIX 2.1 patterning grammar. */
public sealed interface Qualifier {

    /** {@code WITHIN n SECONDS}; n is a non-negative integer or decimal as written. */
    record Within(BigDecimal seconds) implements Qualifier {
        public Within {
            Objects.requireNonNull(seconds, "seconds");
            // 5E+1 and 50 print alike, so keep one form of each value.
            seconds = seconds.scale() < 0 ? seconds.setScale(0) : seconds;
            if (seconds.signum() < 0) {
                throw new IllegalArgumentException("WITHIN needs a non-negative number");
            }
        }
    }

    /** {@code REPEATS n TIMES}. */
    record Repeats(long times) implements Qualifier {
        public Repeats {
            if (times < 0) {
                throw new IllegalArgumentException("REPEATS needs a non-negative integer");
            }
        }
    }

    /** {@code START t'..' STOP t'..'}. */
    record StartStop(Literal.Timestamp start, Literal.Timestamp stop) implements Qualifier {
        public StartStop {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stop, "stop");
        }
    }
}
