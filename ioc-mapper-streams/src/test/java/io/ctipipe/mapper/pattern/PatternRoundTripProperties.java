package io.ctipipe.mapper.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Generated pattern trees print to text that parses back to the same tree. */
class PatternRoundTripProperties {

    @Property(tries = 600)
    void printedPatternsParseBackToTheSameTree(@ForAll("patterns") ObservationExpression pattern) {
        String text = PatternPrinter.print(pattern);

        ObservationExpression parsed = PatternParser.parse(text);

        assertThat(parsed).as(text).isEqualTo(pattern);
    }

    @Property(tries = 600)
    void damagedPatternsFailOnlyWithAPosition(
            @ForAll("patterns") ObservationExpression pattern,
            @ForAll("damage") Tuple.Tuple2<Integer, String> damage) {
        String text = PatternPrinter.print(pattern);
        int at = damage.get1() * text.length() / 1000;
        String damaged = text.substring(0, at) + damage.get2() + text.substring(at + 1);

        try {
            PatternParser.parse(damaged);
        } catch (PatternSyntaxException e) {
            assertThat(e.position()).as(damaged).isBetween(0, damaged.length());
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, String>> damage() {
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 999);
        Arbitrary<String> with =
                Arbitraries.of(
                        "", "'", "\\", "[", "]", "(", ")", " ", "AND", "=", ":", ".", "t'", "-",
                        "*", "x");
        return Combinators.combine(where, with).as(Tuple::of);
    }

    @Provide
    Arbitrary<ObservationExpression> patterns() {
        return observations(3);
    }

    private Arbitrary<ObservationExpression> observations(int depth) {
        Arbitrary<ObservationExpression> leaf = comparisons(2).map(Observation::new);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ObservationExpression> inner = observations(depth - 1);
        Arbitrary<ObservationExpression> compound =
                Combinators.combine(Arbitraries.of(ObservationOperator.class), inner, inner)
                        .as(ObservationCompound::new);
        Arbitrary<ObservationExpression> qualified =
                Combinators.combine(inner, qualifiers()).as(QualifiedObservation::new);
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf), Tuple.of(3, compound), Tuple.of(1, qualified));
    }

    private Arbitrary<ComparisonExpression> comparisons(int depth) {
        Arbitrary<ComparisonExpression> leaf =
                Arbitraries.frequencyOf(
                        Tuple.of(6, comparison()), Tuple.of(1, paths().map(ExistsComparison::new)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ComparisonExpression> inner = comparisons(depth - 1);
        Arbitrary<ComparisonExpression> compound =
                Combinators.combine(Arbitraries.of(LogicalOperator.class), inner, inner)
                        .as(ComparisonCompound::new);
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(1, compound));
    }

    private Arbitrary<ComparisonExpression> comparison() {
        return Combinators.combine(
                        paths(),
                        Arbitraries.of(true, false),
                        Arbitraries.of(ComparisonOperator.class))
                .flatAs(
                        (path, negated, operator) ->
                                literalFor(operator)
                                        .map(
                                                value ->
                                                        new Comparison(
                                                                path, negated, operator, value)));
    }

    private Arbitrary<Literal> literalFor(ComparisonOperator operator) {
        return switch (operator) {
            case EQUAL, NOT_EQUAL -> primitives();
            case LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL ->
                    primitives().filter(literal -> !(literal instanceof Literal.Bool));
            case IN -> primitives().list().ofMaxSize(4).map(Literal.Set::new);
            case LIKE, MATCHES, ISSUBSET, ISSUPERSET -> texts();
        };
    }

    private Arbitrary<Literal> primitives() {
        return Arbitraries.oneOf(
                texts(),
                Arbitraries.longs().map(Literal.Int::new),
                decimals(),
                Arbitraries.of(true, false).map(Literal.Bool::new),
                timestamps().map(Literal.class::cast),
                Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMaxSize(6)
                        .map(bytes -> new Literal.Hex(hex(bytes))),
                Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMinSize(1)
                        .ofMaxSize(9)
                        .map(
                                bytes ->
                                        new Literal.Binary(
                                                Base64.getEncoder().encodeToString(bytes))));
    }

    private Arbitrary<Literal> texts() {
        Arbitrary<String> tricky =
                Arbitraries.strings().withChars("ab'\\ \n\t.:/%-[]()").ofMaxLength(12);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(8);
        return Arbitraries.oneOf(tricky, any).map(Literal.Text::new);
    }

    private Arbitrary<Literal> decimals() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 6))
                .as((unscaled, scale) -> new Literal.Decimal(BigDecimal.valueOf(unscaled, scale)));
    }

    private Arbitrary<Literal.Timestamp> timestamps() {
        return Combinators.combine(
                        Arbitraries.integers().between(1000, 9999),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 28),
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59),
                        Arbitraries.integers().between(0, 60),
                        Arbitraries.strings().numeric().ofMaxLength(6))
                .as(
                        (year, month, day, hour, minute, second, fraction) ->
                                new Literal.Timestamp(
                                        String.format(
                                                "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                                                year,
                                                month,
                                                day,
                                                hour,
                                                minute,
                                                second,
                                                fraction.isEmpty() ? "" : "." + fraction)));
    }

    private Arbitrary<ObjectPath> paths() {
        Arbitrary<String> types =
                Arbitraries.oneOf(
                        Arbitraries.of("file", "ipv4-addr", "x-custom-object", "_t"),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withChars("-_")
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .filter(type -> type.charAt(0) != '-'));
        Arbitrary<PathStep> steps =
                Arbitraries.frequencyOf(
                        Tuple.of(4, keys().map(PathStep.Key::new)),
                        Tuple.of(1, Arbitraries.longs().map(PathStep.Index::new)),
                        Tuple.of(1, Arbitraries.just(new PathStep.AnyIndex())));
        return Combinators.combine(types, keys(), steps.list().ofMaxSize(3))
                .as(
                        (type, first, rest) -> {
                            List<PathStep> all = new java.util.ArrayList<>();
                            all.add(new PathStep.Key(first));
                            all.addAll(rest);
                            return new ObjectPath(type, all);
                        });
    }

    private Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.of("value", "hashes", "SHA-256", "MD5", "name", "NOT", "AND", "x y"),
                Arbitraries.strings().all().ofMaxLength(6));
    }

    private Arbitrary<Qualifier> qualifiers() {
        Arbitrary<Qualifier> within =
                Arbitraries.oneOf(
                                Arbitraries.longs().greaterOrEqual(0).map(BigDecimal::valueOf),
                                Combinators.combine(
                                                Arbitraries.longs().greaterOrEqual(0),
                                                Arbitraries.integers().between(1, 4))
                                        .as(BigDecimal::valueOf))
                        .map(Qualifier.Within::new);
        Arbitrary<Qualifier> repeats =
                Arbitraries.longs().greaterOrEqual(0).map(Qualifier.Repeats::new);
        Arbitrary<Qualifier> range =
                Combinators.combine(timestamps(), timestamps()).as(Qualifier.StartStop::new);
        return Arbitraries.oneOf(within, repeats, range);
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format(b % 2 == 0 ? "%02x" : "%02X", b));
        }
        return text.toString();
    }
}
