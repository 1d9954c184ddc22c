package io.ctipipe.mapper.pattern;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads the literal on the right of a comparison, for {@link PatternParser}. */
final class LiteralParser {
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*\\.[0-9]+");

    private final PatternScanner scanner;

    LiteralParser(PatternScanner scanner) {
        this.scanner = scanner;
    }

    /** The literal an operator takes: a set for IN, a string for LIKE and the like. */
    Literal literalFor(ComparisonOperator operator) {
        int start = scanner.position();
        Literal literal = operator == ComparisonOperator.IN ? set() : primitive();
        if (!operator.accepts(literal)) {
            String message = operator.symbol() + " cannot compare with " + kindOf(literal);
            throw new PatternSyntaxException(message, start);
        }
        return literal;
    }

    private static String kindOf(Literal literal) {
        if (literal instanceof Literal.Text) {
            return "a string";
        }
        if (literal instanceof Literal.Bool) {
            return "a boolean";
        }
        if (literal instanceof Literal.Int || literal instanceof Literal.Decimal) {
            return "a number";
        }
        return "a " + literal.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " literal";
    }

    /** {@code ( literal, ... )}, possibly empty. */
    Literal.Set set() {
        scanner.expectChar('(', "to open the set after IN");
        List<Literal> elements = new ArrayList<>();
        if (scanner.tryChar(')')) {
            return new Literal.Set(elements);
        }
        do {
            elements.add(primitive());
        } while (scanner.tryChar(','));
        scanner.expectChar(')', "to close the set");
        return new Literal.Set(elements);
    }

    /** Any literal but a set. */
    Literal primitive() {
        char next = scanner.peek();
        if (next == '\'') {
            return new Literal.Text(scanner.readQuoted());
        }
        if (next == '+' || next == '-' || next == '.' || (next >= '0' && next <= '9')) {
            return number();
        }
        return prefixedOrBoolean();
    }

    private Literal prefixedOrBoolean() {
        if (scanner.tryKeyword("true")) {
            return new Literal.Bool(true);
        }
        if (scanner.tryKeyword("false")) {
            return new Literal.Bool(false);
        }
        int start = scanner.position();
        if (scanner.tryText("t'")) {
            return quotedAfterPrefix(start, "timestamp", Literal.Timestamp::new);
        }
        if (scanner.tryText("h'")) {
            return quotedAfterPrefix(start, "hex", Literal.Hex::new);
        }
        if (scanner.tryText("b64'") || scanner.tryText("b'")) {
            return quotedAfterPrefix(start, "binary", Literal.Binary::new);
        }
        throw scanner.error("expected a literal");
    }

    private Literal quotedAfterPrefix(int start, String kind, Function<String, Literal> make) {
        // The prefix consumed the opening quote; step back so readQuoted sees it.
        scanner.rewind(1);
        String body = scanner.readQuoted();
        try {
            return make.apply(body);
        } catch (IllegalArgumentException e) {
            throw new PatternSyntaxException("malformed " + kind + " literal", start);
        }
    }

    private Literal number() {
        int start = scanner.position();
        String raw = scanner.readNumberText();
        if (raw.isEmpty()) {
            throw scanner.error("expected a number");
        }
        try {
            if (INTEGER.matcher(raw).matches()) {
                return new Literal.Int(Long.parseLong(raw));
            }
            if (DECIMAL.matcher(raw).matches()) {
                return new Literal.Decimal(new BigDecimal(raw));
            }
        } catch (NumberFormatException e) {
            throw new PatternSyntaxException("integer out of range", start);
        }
        throw new PatternSyntaxException("malformed number '" + raw + "'", start);
    }

    /** A positive integer or decimal, as WITHIN takes. */
    BigDecimal unsignedNumber(String context) {
        int start = scanner.position();
        Literal literal = number();
        BigDecimal value =
                literal instanceof Literal.Int integer
                        ? BigDecimal.valueOf(integer.value())
                        : ((Literal.Decimal) literal).value();
        if (value.signum() < 0) {
            throw new PatternSyntaxException("expected a non-negative number " + context, start);
        }
        return value;
    }

    /** A non-negative integer, as REPEATS takes. */
    long unsignedInteger(String context) {
        int start = scanner.position();
        Literal literal = number();
        if (!(literal instanceof Literal.Int integer) || integer.value() < 0) {
            throw new PatternSyntaxException("expected a non-negative integer " + context, start);
        }
        return integer.value();
    }

    /** {@code t'..'}, as START and STOP take. */
    Literal.Timestamp timestamp(String context) {
        int start = scanner.position();
        if (!scanner.tryText("t'")) {
            throw scanner.error("expected a timestamp t'...' " + context);
        }
        return (Literal.Timestamp) quotedAfterPrefix(start, "timestamp", Literal.Timestamp::new);
    }
}
