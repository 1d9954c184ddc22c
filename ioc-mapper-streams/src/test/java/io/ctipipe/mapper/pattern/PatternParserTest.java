package io.ctipipe.mapper.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PatternParserTest {
    private static final ObjectPath IP = ObjectPath.of("ipv4-addr", "value");

    @Test
    void parsesOneEquality() {
        ObservationExpression pattern = PatternParser.parse("[ipv4-addr:value = '1.2.3.4']");

        assertThat(pattern).isEqualTo(observation("1.2.3.4"));
    }

    @Test
    void bindsAndTighterThanOrBetweenObservations() {
        ObservationExpression pattern =
                PatternParser.parse("[a:b = 'x'] OR [a:b = 'y'] AND [a:b = 'z']");

        assertThat(pattern)
                .isEqualTo(or(ab("x"), compound(ObservationOperator.AND, ab("y"), ab("z"))));
    }

    @Test
    void bindsOrTighterThanFollowedBy() {
        ObservationExpression pattern =
                PatternParser.parse("[a:b = 'x'] FOLLOWEDBY [a:b = 'y'] OR [a:b = 'z']");

        assertThat(pattern)
                .isEqualTo(compound(ObservationOperator.FOLLOWEDBY, ab("x"), or(ab("y"), ab("z"))));
    }

    @Test
    void associatesToTheLeft() {
        ObservationExpression pattern =
                PatternParser.parse("[a:b = 'x'] OR [a:b = 'y'] OR [a:b = 'z']");

        assertThat(pattern).isEqualTo(or(or(ab("x"), ab("y")), ab("z")));
    }

    @Test
    void letsParenthesesOverridePrecedence() {
        ObservationExpression pattern =
                PatternParser.parse("([a:b = 'x'] OR [a:b = 'y']) AND [a:b = 'z']");

        assertThat(pattern)
                .isEqualTo(compound(ObservationOperator.AND, or(ab("x"), ab("y")), ab("z")));
    }

    @Test
    void bindsAndTighterThanOrInsideBrackets() {
        ObservationExpression pattern =
                PatternParser.parse("[a:b = 'x' OR a:b = 'y' AND a:b = 'z']");

        ComparisonExpression and = new ComparisonCompound(LogicalOperator.AND, eq("y"), eq("z"));
        ComparisonExpression expected = new ComparisonCompound(LogicalOperator.OR, eq("x"), and);
        assertThat(pattern).isEqualTo(new Observation(expected));
    }

    @Test
    void bindsQualifiersTighterThanAnd() {
        ObservationExpression pattern =
                PatternParser.parse("[a:b = 'x'] AND [a:b = 'y'] WITHIN 5 SECONDS");

        Qualifier within = new Qualifier.Within(BigDecimal.valueOf(5));
        ObservationExpression qualified = new QualifiedObservation(ab("y"), within);
        assertThat(pattern).isEqualTo(compound(ObservationOperator.AND, ab("x"), qualified));
    }

    @Test
    void chainsQualifiers() {
        ObservationExpression pattern =
                PatternParser.parse(
                        "([a:b = 'x'] AND [a:b = 'y']) REPEATS 2 TIMES WITHIN 1.5 SECONDS"
                                + " START t'2024-01-01T00:00:00Z'"
                                + " STOP t'2024-01-02T00:00:00.123Z'");

        ObservationExpression pair = compound(ObservationOperator.AND, ab("x"), ab("y"));
        ObservationExpression repeats = new QualifiedObservation(pair, new Qualifier.Repeats(2));
        ObservationExpression within =
                new QualifiedObservation(repeats, new Qualifier.Within(new BigDecimal("1.5")));
        Qualifier range =
                new Qualifier.StartStop(
                        new Literal.Timestamp("2024-01-01T00:00:00Z"),
                        new Literal.Timestamp("2024-01-02T00:00:00.123Z"));
        assertThat(pattern).isEqualTo(new QualifiedObservation(within, range));
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                Arguments.of("= 'v'", ComparisonOperator.EQUAL, new Literal.Text("v")),
                Arguments.of("== 'v'", ComparisonOperator.EQUAL, new Literal.Text("v")),
                Arguments.of("!= 'v'", ComparisonOperator.NOT_EQUAL, new Literal.Text("v")),
                Arguments.of("<> 'v'", ComparisonOperator.NOT_EQUAL, new Literal.Text("v")),
                Arguments.of("< 5", ComparisonOperator.LESS, new Literal.Int(5)),
                Arguments.of("> -5", ComparisonOperator.GREATER, new Literal.Int(-5)),
                Arguments.of("<= 2.5", ComparisonOperator.LESS_OR_EQUAL, decimal("2.5")),
                Arguments.of(">= -.25", ComparisonOperator.GREATER_OR_EQUAL, decimal("-0.25")),
                Arguments.of(
                        "IN ('a', 1, true)",
                        ComparisonOperator.IN,
                        new Literal.Set(
                                List.of(
                                        new Literal.Text("a"),
                                        new Literal.Int(1),
                                        new Literal.Bool(true)))),
                Arguments.of("IN ()", ComparisonOperator.IN, new Literal.Set(List.of())),
                Arguments.of("LIKE 'a%'", ComparisonOperator.LIKE, new Literal.Text("a%")),
                Arguments.of("MATCHES '^a'", ComparisonOperator.MATCHES, new Literal.Text("^a")),
                Arguments.of(
                        "ISSUBSET '10.0.0.0/8'",
                        ComparisonOperator.ISSUBSET,
                        new Literal.Text("10.0.0.0/8")),
                Arguments.of(
                        "ISSUPERSET '10.0.0.1'",
                        ComparisonOperator.ISSUPERSET,
                        new Literal.Text("10.0.0.1")),
                Arguments.of("= false", ComparisonOperator.EQUAL, new Literal.Bool(false)),
                Arguments.of(
                        "= t'2024-06-10T07:13:20Z'",
                        ComparisonOperator.EQUAL,
                        new Literal.Timestamp("2024-06-10T07:13:20Z")),
                Arguments.of("= h'0aFF'", ComparisonOperator.EQUAL, new Literal.Hex("0aFF")),
                Arguments.of("= b'aGk='", ComparisonOperator.EQUAL, new Literal.Binary("aGk=")),
                Arguments.of(
                        "= b64'aGVsbG8='",
                        ComparisonOperator.EQUAL,
                        new Literal.Binary("aGVsbG8=")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void readsEveryOperatorWithItsLiteral(String tail, ComparisonOperator operator, Literal value) {
        ObservationExpression plain = PatternParser.parse("[a:b " + tail + "]");
        ObservationExpression negated = PatternParser.parse("[a:b NOT " + tail + "]");

        ObjectPath path = ObjectPath.of("a", "b");
        assertThat(plain).isEqualTo(new Observation(new Comparison(path, false, operator, value)));
        assertThat(negated).isEqualTo(new Observation(new Comparison(path, true, operator, value)));
    }

    @Test
    void readsExists() {
        ObservationExpression pattern = PatternParser.parse("[EXISTS file:hashes.MD5]");

        ObjectPath path = ObjectPath.of("file", "hashes", "MD5");
        assertThat(pattern).isEqualTo(new Observation(new ExistsComparison(path)));
    }

    @Test
    void readsObjectPathsWithQuotedKeysAndIndexes() {
        ObservationExpression pattern =
                PatternParser.parse("[x-thing:'first key'.list[0].more[-1].all[*].SHA-256 = 'v']");

        ObjectPath expected =
                new ObjectPath(
                        "x-thing",
                        List.of(
                                new PathStep.Key("first key"),
                                new PathStep.Key("list"),
                                new PathStep.Index(0),
                                new PathStep.Key("more"),
                                new PathStep.Index(-1),
                                new PathStep.Key("all"),
                                new PathStep.AnyIndex(),
                                new PathStep.Key("SHA-256")));
        assertThat(pattern)
                .isEqualTo(
                        new Observation(
                                new Comparison(
                                        expected,
                                        false,
                                        ComparisonOperator.EQUAL,
                                        new Literal.Text("v"))));
    }

    @Test
    void treatsQuotedAndUnquotedKeysAlike() {
        ObservationExpression quoted = PatternParser.parse("[file:hashes.'SHA-256' = 'v']");
        ObservationExpression unquoted = PatternParser.parse("[file:hashes.SHA-256 = 'v']");

        assertThat(quoted).isEqualTo(unquoted);
    }

    @Test
    void resolvesEscapesInStrings() {
        ObservationExpression pattern = PatternParser.parse("[a:b = 'O\\'Brien \\\\ x']");

        assertThat(pattern).isEqualTo(ab("O'Brien \\ x"));
    }

    @Test
    void skipsWhitespaceNewlinesAndComments() {
        ObservationExpression pattern =
                PatternParser.parse(
                        " \n[ a : b\t= 'x' ] /* first */\r\n OR // second\n [a:b = 'y']\n");

        assertThat(pattern).isEqualTo(or(ab("x"), ab("y")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``                                      | 0  | expected an observation expression",
                "[ipv4-addr:value = '1.2.3.4'            | 28 | expected ']' to close",
                "ipv4-addr:value = 'x'                   | 0  | expected '[' or '('",
                "[ipv4-addr:value '1.2.3.4']             | 17 | expected a comparison operator",
                "[ipv4-addr:value = '1.2.3.4]            | 19 | unterminated string",
                "[a:b = 'x\\y']                          | 9  | only \\' and \\\\ may follow",
                "[a:b = 'x'] AND                         | 15 | expected '[' or '('",
                "[a:b = 'x'] and [c:d = 'y']             | 12 | expected AND, OR, FOLLOWEDBY",
                "[a:b = 'x'] WITHIN SECONDS              | 19 | expected a number",
                "[a:b = 'x'] WITHIN 5                    | 20 | expected SECONDS",
                "[a:b = 'x'] REPEATS 1.5 TIMES           | 20 | non-negative integer",
                "[a:b = 'x'] REPEATS -2 TIMES            | 20 | non-negative integer",
                "[a:b = 'x'] START t'2024-13-01T00:00:00Z' STOP t'2024-01-01T00:00:00Z' "
                        + "| 18 | malformed timestamp",
                "[a:b = 'x'] START t'2024-01-01T00:00:00Z'  | 41 | expected STOP",
                "[a:b IN 'x']                            | 8  | expected '(' to open the set",
                "[a:b IN ('x', ('y'))]                   | 14 | expected a literal",
                "[a:b LIKE 5]                            | 10 | LIKE cannot compare",
                "[a:b > true]                            | 7  | > cannot compare",
                "[a:b = h'abc']                          | 7  | malformed hex",
                "[a:b = b'abc']                          | 7  | malformed binary",
                "[a:b = 007]                             | 7  | malformed number",
                "[a:b = 99999999999999999999]            | 7  | integer out of range",
                "[a:b = unquoted]                        | 7  | expected a literal",
                "[:b = 'x']                              | 1  | expected an object type",
                "[a: = 'x']                              | 4  | expected a property name",
                "[a:b[x] = 'x']                          | 5  | expected a list index",
                "[a:b = 'x'] FOLLOWEDBY                  | 22 | expected '[' or '('",
                "([a:b = 'x']                            | 12 | expected ')'",
                "[a:b = 'x']]                            | 11 | expected AND, OR, FOLLOWEDBY",
                "[a:b NOT EXISTS]                        | 9  | expected a comparison operator",
                "[a:b = \"x\"]                           | 7  | expected a literal"
            })
    void reportsSyntaxErrorsWithTheirPosition(String pattern, int position, String message) {
        PatternSyntaxException error =
                catchThrowableOfType(
                        PatternSyntaxException.class, () -> PatternParser.parse(pattern));

        assertThat(error).as("a syntax error for %s", pattern).isNotNull();
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.getMessage()).contains(message).endsWith("at position " + position);
    }

    private static Literal decimal(String text) {
        return new Literal.Decimal(new BigDecimal(text));
    }

    private static Comparison eq(String value) {
        return new Comparison(
                ObjectPath.of("a", "b"), false, ComparisonOperator.EQUAL, new Literal.Text(value));
    }

    private static ObservationExpression ab(String value) {
        return new Observation(eq(value));
    }

    private static ObservationExpression observation(String address) {
        return new Observation(
                new Comparison(IP, false, ComparisonOperator.EQUAL, new Literal.Text(address)));
    }

    private static ObservationExpression or(
            ObservationExpression left, ObservationExpression right) {
        return compound(ObservationOperator.OR, left, right);
    }

    private static ObservationExpression compound(
            ObservationOperator operator, ObservationExpression left, ObservationExpression right) {
        return new ObservationCompound(operator, left, right);
    }
}
