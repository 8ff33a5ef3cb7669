package dev.ragft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.engine.Engine;
import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.Fixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated answers, hostile and ordinary, through the real questionnaire and the real rules (issue
 * 12): every number is judged against its question's bounds before any arithmetic, nothing but a field
 * error ever comes back, and accepted costs are quoted in the reasons exactly as the tables hold them.
 * Each property runs a bounded number of tries, so the whole class stays within seconds.
 */
class HostileAnswersPropertiesTest {

    private static final Engine ENGINE = Fixtures.engine();
    private static final Questionnaire Q = ENGINE.questionnaire();
    private static final Pattern DOLLARS = Pattern.compile("\\$(\\d{1,3}(?:,\\d{3})*(?:\\.\\d{2})?)");

    /** Number texts as a hostile user types them: huge or tiny exponents, long digit runs, suffixes. */
    @Provide
    Arbitrary<String> numberTexts() {
        Arbitrary<String> exponents = Combinators.combine(
                Arbitraries.of("1", "9.99", "-1", "0.5", "123456789"),
                Arbitraries.of("e", "E", "e+", "e-"),
                Arbitraries.of(1L, 10L, 17L, 308L, 1_000_000L, 999_999_999L, 2_147_483_648L, 9_999_999_999L))
                .as((mantissa, e, exponent) -> mantissa + e + exponent);
        Arbitrary<String> longDigits = Arbitraries.integers().between(15, 400)
                .map(n -> "9".repeat(n));
        Arbitrary<String> longDecimals = Arbitraries.integers().between(1, 400)
                .map(n -> "0." + "0".repeat(n) + "1");
        Arbitrary<String> suffixed = Combinators.combine(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e12")).ofScale(3),
                Arbitraries.of("", "k", "M", "b", "B"))
                .as((n, s) -> n.toPlainString() + s);
        Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(30);
        return Arbitraries.oneOf(exponents, longDigits, longDecimals, suffixed, junk,
                Arbitraries.of("NaN", "-Infinity", "1e", "--1", "1,5", "$", "0x10", "1_000", "٣"));
    }

    @Property(tries = 400)
    void typedNumbersAreAcceptedWithinTheirBoundsOrRefusedNamingTheField(
            @ForAll("numberTexts") String text, @ForAll("numericQuestions") Question question) {
        Object value;
        try {
            value = question.parseText(text);
        } catch (InvalidAnswersException refused) {
            assertThat(refused.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(question.id());
                assertThat(error.message()).isNotBlank().hasSizeLessThan(400);
            });
            return;
        }
        BigDecimal number = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
        assertThat(number).isBetween(question.min(), question.max());
        assertThat(number.stripTrailingZeros().scale()).isLessThanOrEqualTo(question.maxDecimals());
    }

    /** Answers files with every question answered, numbers from anywhere between sane and absurd. */
    @Provide
    Arbitrary<String> answersFiles() {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (Question q : Q.questions()) {
            Arbitrary<String> value = switch (q.type()) {
                case ENUM -> Arbitraries.of(q.choices()).map(Choice::value).map(v -> "\"" + v + "\"");
                case BOOLEAN -> Arbitraries.of("true", "false");
                default -> Arbitraries.oneOf(inRange(q), numberTexts().filter(HostileAnswersPropertiesTest::isJsonNumber));
            };
            members.add(value.map(v -> "\"" + q.id() + "\": " + v));
        }
        return Combinators.combine(members).as(parts -> "{" + String.join(", ", parts) + "}");
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.MIXIN)
    void anyAnswersFileGetsAdviceOrFieldErrorsAndNothingElse(@ForAll("answersFiles") String json) {
        Answers answers;
        try {
            answers = Answers.fromJson(json, "generated.json");
        } catch (InvalidAnswersException malformed) {
            assertThat(malformed.errors()).isNotEmpty();
            return;
        }
        try {
            Advice advice = ENGINE.advise(answers);
            assertThat(advice.strategy()).isNotNull();
        } catch (InvalidAnswersException refused) {
            for (InputError error : refused.errors()) {
                assertThat(Q.question(error.field())).as(error.toString()).isPresent();
                assertThat(error.message()).hasSizeLessThan(400);
            }
        }
    }

    /** Valid answers only, costs anywhere up to the maxima: the figures the rules quote are the table's. */
    @Provide
    Arbitrary<Map<String, Object>> validCostAnswers() {
        Map<String, Arbitrary<?>> parts = new LinkedHashMap<>();
        for (Question q : Q.questions()) {
            // Every number but the alternatives of cost model v2: a stated serving cost rather than an instance's
            // price and throughput, per-query generation prices rather than per-token ones (each pair together is
            // refused, and per-token prices at their maxima compute beyond the per-query maximum).
            boolean alternative = q.askWhen() != null && q.askWhen().aboutAnswered()
                    || q.id().equals("input_price_per_million_tokens_usd");
            if ((q.type() == QuestionType.INTEGER || q.type() == QuestionType.NUMBER) && !alternative) {
                parts.put(q.id(), inRangeNumber(q));
            }
        }
        parts.put("generation_cost_per_query_usd", inRangeNumber(Q.question("generation_cost_per_query_usd").orElseThrow()));
        List<String> ids = new ArrayList<>(parts.keySet());
        List<Arbitrary<Object>> values = new ArrayList<>();
        parts.values().forEach(a -> values.add(a.map(v -> (Object) v)));
        return Combinators.combine(values).as(list -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("knowledge_change", "MONTHLY");
            map.put("query_variety", "MIXED");
            map.put("hosting_infrastructure", true);
            for (int i = 0; i < ids.size(); i++) {
                map.put(ids.get(i), list.get(i));
            }
            return map;
        });
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.MIXIN)
    void costFiguresInTheReasonsAreTheTableFigures(@ForAll("validCostAnswers") Map<String, Object> raw) {
        Advice advice = ENGINE.advise(Answers.of(raw));
        BigDecimal fineTune = advice.costs().fineTune().totalUsd();
        BigDecimal rag = advice.costs().rag().totalUsd();
        CriterionResult horizon = advice.criteria().stream()
                .filter(c -> c.id().equals("cost.horizon-total")).findFirst().orElseThrow();
        List<String> quoted = new ArrayList<>();
        Matcher m = DOLLARS.matcher(horizon.reason());
        while (m.find()) {
            quoted.add(m.group(1));
        }
        assertThat(quoted).as(horizon.reason()).contains(dollars(fineTune), dollars(rag));
    }

    /** As the rules' usd() writes a figure: cents under $100 when not whole, else whole dollars, grouped. */
    private static String dollars(BigDecimal total) {
        if (total.compareTo(BigDecimal.valueOf(100)) < 0 && total.stripTrailingZeros().scale() > 0) {
            return total.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return String.format("%,d", total.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    @Provide
    Arbitrary<Question> numericQuestions() {
        return Arbitraries.of(Q.questions().stream()
                .filter(q -> q.type() == QuestionType.INTEGER || q.type() == QuestionType.NUMBER).toList());
    }

    private static Arbitrary<String> inRange(Question q) {
        return inRangeNumber(q).map(n -> n instanceof BigDecimal d ? d.toPlainString() : n.toString());
    }

    private static Arbitrary<? extends Number> inRangeNumber(Question q) {
        if (q.type() == QuestionType.INTEGER) {
            return Arbitraries.longs().between(q.min().longValueExact(), q.max().longValueExact())
                    .edgeCases(c -> c.includeOnly(q.min().longValueExact(), q.max().longValueExact()));
        }
        return Arbitraries.bigDecimals().between(q.min(), q.max()).ofScale(q.maxDecimals());
    }

    private static boolean isJsonNumber(String text) {
        return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }
}
