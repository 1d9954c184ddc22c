package io.ctipipe.mapper.pattern;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The literals of the STIX 2.1 patterning grammar. */
public sealed interface Literal {

    /** {@code 'text'}; the value is unescaped ({@code \'} and {@code \\} already resolved). */
    record Text(String value) implements Literal {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** An integer such as {@code 42} or {@code -1}. */
    record Int(long value) implements Literal {}

    /** A decimal such as {@code 1.5} or {@code -.25}; always written with a decimal point. */
    record Decimal(BigDecimal value) implements Literal {
        public Decimal {
            Objects.requireNonNull(value, "value");
            if (value.scale() <= 0) {
                throw new IllegalArgumentException("a decimal literal has digits after the point");
            }
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Literal {}

    /** {@code t'2024-06-10T07:13:20.087Z'}; the text between the quotes, as written. */
    record Timestamp(String value) implements Literal {
        static final Pattern FORM =
                Pattern.compile(
                        "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])"
                                + "T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?Z");

        public Timestamp {
            Objects.requireNonNull(value, "value");
            if (!FORM.matcher(value).matches()) {
                throw new IllegalArgumentException("not an RFC 3339 UTC timestamp: " + value);
            }
        }
    }

    /** {@code h'0a1b'}: pairs of hexadecimal digits, as written. */
    record Hex(String digits) implements Literal {
        static final Pattern FORM = Pattern.compile("([0-9A-Fa-f]{2})*");

        public Hex {
            Objects.requireNonNull(digits, "digits");
            if (!FORM.matcher(digits).matches()) {
                throw new IllegalArgumentException("not pairs of hex digits: " + digits);
            }
        }
    }

    /** {@code b'aGVsbG8='} (the parser also reads {@code b64'..'}): padded base64, as written. */
    record Binary(String base64) implements Literal {
        static final Pattern FORM =
                Pattern.compile(
                        "([A-Za-z0-9+/]{4})*"
                                + "([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)");

        public Binary {
            Objects.requireNonNull(base64, "base64");
            if (!FORM.matcher(base64).matches()) {
                throw new IllegalArgumentException("not padded base64: " + base64);
            }
        }
    }

    /** {@code ('a', 'b')}, the right side of IN; holds no nested set. */
    record Set(List<Literal> elements) implements Literal {
        public Set {
            elements = List.copyOf(elements);
            if (elements.stream().anyMatch(Set.class::isInstance)) {
                throw new IllegalArgumentException("a set literal cannot hold a set");
            }
        }
    }
}
