package dev.ragft.questionnaire;

import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.ModelSize;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading, writing and comparing raw answers. */
class AnswersTest {

    @Test
    void readsTypesExactly() {
        Answers a = Answers.fromJson("""
                {"knowledge_change": "monthly", "monthly_queries": 1000, "retrieval_cost_per_query_usd": 0.10,
                 "on_prem_required": true, "domain_consistency": null, "big": 123456789012345678901234567890}
                """, "a.json");
        assertThat(a.ids()).containsExactly("knowledge_change", "monthly_queries", "retrieval_cost_per_query_usd",
                "on_prem_required", "domain_consistency", "big");
        assertThat(a.get("knowledge_change")).isEqualTo("monthly");
        assertThat(a.get("monthly_queries")).isEqualTo(1000L);
        assertThat(a.get("retrieval_cost_per_query_usd")).isEqualTo(new BigDecimal("0.10"));
        assertThat(a.get("on_prem_required")).isEqualTo(true);
        assertThat(a.contains("domain_consistency")).isTrue();
        assertThat(a.get("domain_consistency")).isNull();
        assertThat(a.get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void syntaxErrorGivesSourceLineAndColumn() {
        InvalidAnswersException e = catchThrowableOfType(InvalidAnswersException.class,
                () -> Answers.fromJson("{\n  \"monthly_queries\": 10,\n  \"x\" 5\n}", "answers.json"));
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("answers.json:3:7");
            assertThat(error.message()).startsWith("malformed JSON").contains("colon").doesNotContain("code 53");
        });
    }

    @Test
    void unterminatedInputIsASyntaxError() {
        InvalidAnswersException e = catchThrowableOfType(InvalidAnswersException.class,
                () -> Answers.fromJson("{\"a\": 1,", "in"));
        assertThat(e.errors().get(0).field()).startsWith("in:1:");
    }

    @Test
    void duplicateKeysNameTheKey() {
        InvalidAnswersException e = catchThrowableOfType(InvalidAnswersException.class,
                () -> Answers.fromJson("{\"model_size\": \"7B\",\n \"model_size\": \"70B\"}", "d.json"));
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("model_size");
            assertThat(error.message()).contains("more than once").contains("line 1 and line 2");
        });
    }

    @Test
    void topLevelMustBeAnObject() {
        assertThatThrownBy(() -> Answers.fromJson("[1, 2]", "t.json"))
                .isInstanceOf(InvalidAnswersException.class)
                .hasMessage("t.json:1:1: expected a JSON object {...} whose keys are question ids, got a list [...]");
        assertThatThrownBy(() -> Answers.fromJson("  ", "t.json")).hasMessageStartingWith("t.json:1:1: empty input");
        assertThatThrownBy(() -> Answers.fromJson("{} {}", "t.json"))
                .hasMessageContaining("unexpected content after");
    }

    @Test
    void nestedValuesAreErrorsNamingTheKey() {
        InvalidAnswersException e = catchThrowableOfType(InvalidAnswersException.class,
                () -> Answers.fromJson("{\"model_size\": [\"7B\"], \"x\": {\"y\": 1}}", "n.json"));
        assertThat(e.errors()).extracting(InputError::field).containsExactly("model_size", "x");
        assertThat(e.errors().get(0).message()).isEqualTo("expected a single value, got a list [...]");
    }

    @Test
    void nonFiniteNumbersAreKeptForValidationToReport() {
        Answers a = Answers.fromJson("{\"fine_tune_cost_usd\": NaN, \"x\": -Infinity}", "n.json");
        assertThat((Double) a.get("fine_tune_cost_usd")).isNaN();
        assertThat(a.get("x")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void ofConvertsJavaTypes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 5);
        map.put("b", 2.5);
        map.put("c", KnowledgeChange.WEEKLY);
        map.put("d", ModelSize.SIZE_70B);
        map.put("e", null);
        Answers a = Answers.of(map);
        assertThat(a.asMap()).containsExactly(Map.entry("a", 5L), Map.entry("b", new BigDecimal("2.5")),
                Map.entry("c", "WEEKLY"), Map.entry("d", "70B"), new java.util.AbstractMap.SimpleEntry<>("e", null));
        assertThatThrownBy(() -> Answers.of(Map.of("a", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }

    @Test
    void withAndWithoutAreCopies() {
        Answers a = Answers.empty().with("x", 1L).with("y", "v");
        Answers b = a.with("x", 2L);
        assertThat(a.get("x")).isEqualTo(1L);
        assertThat(b.ids()).containsExactly("x", "y");
        assertThat(b.get("x")).isEqualTo(2L);
        assertThat(b.without("x").ids()).containsExactly("y");
        assertThat(a.without("nope")).isSameAs(a);
        assertThat(Answers.empty().size()).isZero();
        assertThatThrownBy(() -> a.asMap().put("z", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toJsonRoundTripsExactly() {
        Answers a = Answers.empty().with("knowledge_change", "MONTHLY").with("monthly_queries", 10_000_000_000L)
                .with("retrieval_cost_per_query_usd", new BigDecimal("0.10")).with("tiny", new BigDecimal("1E-7"))
                .with("on_prem_required", false).with("domain_consistency", null);
        String json = a.toJson();
        assertThat(json).isEqualTo("""
                {
                  "knowledge_change": "MONTHLY",
                  "monthly_queries": 10000000000,
                  "retrieval_cost_per_query_usd": 0.10,
                  "tiny": 0.0000001,
                  "on_prem_required": false,
                  "domain_consistency": null
                }
                """);
        assertThat(Answers.fromJson(json, "round")).isEqualTo(a);
    }

    @Test
    void equalityIsOrderedAndScaleInsensitive() {
        Answers a = Answers.empty().with("x", new BigDecimal("0.1")).with("y", true);
        Answers b = Answers.empty().with("x", new BigDecimal("0.10")).with("y", true);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Answers.empty().with("y", true).with("x", new BigDecimal("0.1")));
        assertThat(a).isNotEqualTo(a.with("y", false));
        Map<String, Object> plain = new HashMap<>();
        plain.put("x", null);
        assertThat(Answers.of(plain)).isNotEqualTo(Answers.empty());
    }
}
