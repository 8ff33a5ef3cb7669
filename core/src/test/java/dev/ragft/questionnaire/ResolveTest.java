package dev.ragft.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ragft.questionnaire.Answers;
import dev.ragft.InputError;
import dev.ragft.InvalidAnswersException;
import dev.ragft.facts.CostPreference;
import dev.ragft.facts.KnowledgeChange;
import dev.ragft.facts.ModelSize;
import dev.ragft.facts.QueryVariety;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation, defaults and the mapping to Profile and CostInputs, against the real questionnaire. */
class ResolveTest {

    private static final Questionnaire Q = QuestionnaireDefinitionTest.Q;

    /** Only the five required answers. */
    static Answers minimal() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("knowledge_change", "RARELY");
        map.put("query_variety", "REPETITIVE");
        map.put("monthly_queries", 1000L);
        map.put("hosting_infrastructure", true);
        map.put("training_examples", 5000L);
        return Answers.of(map);
    }

    @Test
    void minimalAnswersGetEveryDefault() {
        ResolvedAnswers r = Q.resolve(minimal());

        assertThat(r.profile().knowledgeChange()).isEqualTo(KnowledgeChange.RARELY);
        assertThat(r.profile().queryVariety()).isEqualTo(QueryVariety.REPETITIVE);
        assertThat(r.profile().monthlyQueries()).isEqualTo(1000L);
        assertThat(r.profile().domainConsistency()).isNull();
        assertThat(r.profile().latencyBudgetMs()).isNull();
        assertThat(r.profile().onPremRequired()).isFalse();
        assertThat(r.profile().examplesLabeled()).isTrue();
        assertThat(r.profile().costModelPreference()).isEqualTo(CostPreference.NO_PREFERENCE);
        assertThat(r.profile().modelSize()).isEqualTo(ModelSize.SIZE_7B);
        assertThat(r.profile().horizonMonths()).isEqualTo(12);
        assertThat(r.profile().retrainsPerYear()).isEqualTo(1);
        assertThat(r.profile().answered()).containsExactlyInAnyOrder(
                "knowledge_change", "query_variety", "monthly_queries", "hosting_infrastructure", "training_examples");

        assertThat(r.costs().fineTuneCostUsd()).isEqualByComparingTo("100");
        assertThat(r.costs().dataPrepCostUsd()).isEqualByComparingTo("1000");
        // Serving is not stated, so it is derived: one instance at the guide's 7B serving price.
        assertThat(r.costs().inferenceMonthlyUsd()).isNull();
        assertThat(r.costs().gpuMonthlyUsd()).isEqualByComparingTo("50");
        assertThat(r.costs().gpuTokensPerSecond()).isEqualByComparingTo("25");
        assertThat(r.costs().peakLoadFactor()).isEqualByComparingTo("2");
        assertThat(r.costs().outputTokensPerQuery()).isEqualTo(250L);
        assertThat(r.costs().selfHostedRag()).isFalse();
        assertThat(r.costs().tokenPricing()).isFalse();
        assertThat(r.costs().contextTokensPerQuery()).isNull();
        assertThat(r.costs().vectorDbMonthlyUsd()).isEqualByComparingTo("50");
        assertThat(r.costs().retrievalCostPerQueryUsd()).isEqualByComparingTo("0.05");
        assertThat(r.costs().generationCostPerQueryUsd()).isEqualByComparingTo("0.005");
        assertThat(r.costs().monthlyQueries()).isEqualTo(1000L);

        assertThat(r.effective().keySet()).containsExactlyElementsOf(Q.questions().stream().map(Question::id).toList());
        assertThat(r.effective()).containsEntry("domain_consistency", null).containsEntry("model_size", "7B");
        assertThat(r.defaulted()).contains("model_size", "horizon_months", "retrains_per_year", "fine_tune_cost_usd")
                .doesNotContain("knowledge_change", "domain_consistency", "latency_budget_ms");
    }

    @Test
    void costDefaultsFollowModelSize() {
        ResolvedAnswers big = Q.resolve(minimal().with("model_size", "70b"));
        assertThat(big.costs().fineTuneCostUsd()).isEqualByComparingTo("1500");
        assertThat(big.costs().dataPrepCostUsd()).isEqualByComparingTo("15000");
        assertThat(big.costs().inferenceMonthlyUsd()).isNull();
        assertThat(big.costs().gpuMonthlyUsd()).isEqualByComparingTo("1000");
        assertThat(big.normalized().get("model_size")).isEqualTo("70B");

        ResolvedAnswers huge = Q.resolve(minimal().with("model_size", "405B").with("inference_monthly_usd", 4000L));
        assertThat(huge.costs().fineTuneCostUsd()).isEqualByComparingTo("3500");
        assertThat(huge.costs().dataPrepCostUsd()).isEqualByComparingTo("15000");
        assertThat(huge.costs().inferenceMonthlyUsd()).isEqualByComparingTo("4000");
        assertThat(huge.defaulted()).doesNotContain("inference_monthly_usd");
        // Stated serving: the instance questions do not apply, take no default and are not listed as assumptions.
        assertThat(huge.costs().gpuMonthlyUsd()).isNull();
        assertThat(huge.defaulted()).doesNotContain("gpu_monthly_usd", "gpu_tokens_per_second", "peak_load_factor");
    }

    @Test
    void explicitCostBeatsTheModelSizeDefault() {
        ResolvedAnswers r = Q.resolve(minimal().with("model_size", "70B").with("fine_tune_cost_usd", new BigDecimal("999.5")));
        assertThat(r.costs().fineTuneCostUsd()).isEqualByComparingTo("999.5");
        assertThat(r.defaulted()).doesNotContain("fine_tune_cost_usd").contains("data_prep_cost_usd");
    }

    @Test
    void model405BWithoutInferenceCostIsAnErrorExplainingWhy() {
        List<InputError> errors = Q.validate(minimal().with("model_size", "405B"));
        // The guide has no 405B serving price: either one instance's price or the monthly serving cost is needed.
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("gpu_monthly_usd");
            assertThat(e.message()).contains("model_size is 405B").contains("no default").contains("USD/month")
                    .contains("inference_monthly_usd");
        });
        assertThat(Q.validate(minimal().with("model_size", "405B").with("gpu_monthly_usd", 3000L))).isEmpty();
        assertThat(Q.validate(minimal().with("model_size", "405B").with("inference_monthly_usd", 3000L))).isEmpty();
    }

    @Test
    void alternativesGivenTogetherUseTheStatedOneAndTokenPricesComeInPairs() {
        // A stated serving cost and an instance price: the stated cost is used exactly, the instance price is
        // kept in the answers but not used (the rules' caveat names it).
        ResolvedAnswers both = Q.resolve(minimal().with("inference_monthly_usd", 50L).with("gpu_monthly_usd", 40L));
        assertThat(both.costs().inferenceMonthlyUsd()).isEqualByComparingTo("50");
        assertThat(both.costs().gpuMonthlyUsd()).isNull();
        assertThat(both.normalized().get("gpu_monthly_usd")).isNotNull();
        // Per-token prices need both the input and the output price.
        assertThat(Q.validate(minimal().with("input_price_per_million_tokens_usd", 3L)))
                .extracting(InputError::field).containsExactly("output_price_per_million_tokens_usd");
        ResolvedAnswers tokens = Q.resolve(minimal().with("input_price_per_million_tokens_usd", 3L)
                .with("output_price_per_million_tokens_usd", 15L)
                .with("generation_cost_per_query_usd", new BigDecimal("0.01")));
        assertThat(tokens.costs().tokenPricing()).isTrue();
        assertThat(tokens.costs().generationCostPerQueryUsd()).isNull();
        assertThat(tokens.costs().contextTokensPerQuery()).isEqualTo(2000L);
        assertThat(tokens.costs().promptTokensPerQuery()).isEqualTo(200L);
        assertThat(tokens.defaulted()).contains("context_tokens_per_query", "prompt_tokens_per_query")
                .doesNotContain("generation_cost_per_query_usd");
    }

    @Test
    void onPremisesForcesSelfHostedRag() {
        ResolvedAnswers managed = Q.resolve(minimal());
        assertThat(managed.costs().selfHostedRag()).isFalse();
        assertThat(managed.defaulted()).contains("self_hosted_rag");

        ResolvedAnswers chosen = Q.resolve(minimal().with("self_hosted_rag", true));
        assertThat(chosen.costs().selfHostedRag()).isTrue();
        // Self-hosted: the managed services' per-query defaults do not apply.
        assertThat(chosen.costs().retrievalCostPerQueryUsd()).isEqualByComparingTo("0");
        assertThat(chosen.costs().generationCostPerQueryUsd()).isEqualByComparingTo("0");

        ResolvedAnswers onPrem = Q.resolve(minimal().with("on_prem_required", true).with("self_hosted_rag", false));
        assertThat(onPrem.costs().selfHostedRag()).isTrue();
        assertThat(onPrem.effective()).containsEntry("self_hosted_rag", true);
        assertThat(onPrem.defaulted()).doesNotContain("self_hosted_rag");
    }

    @Test
    void retrainsDefaultFollowsKnowledgeChange() {
        Map<String, Integer> expected = Map.of("RARELY", 1, "MONTHLY", 12, "WEEKLY", 52, "DAILY", 52);
        expected.forEach((change, retrains) -> assertThat(
                Q.resolve(minimal().with("knowledge_change", change)).profile().retrainsPerYear())
                .as(change).isEqualTo(retrains));
        assertThat(Q.resolve(minimal().with("knowledge_change", "daily").with("retrains_per_year", 4L))
                .costs().retrainsPerYear()).isEqualTo(4);
    }

    @Test
    void enumsInAnyCaseAreNormalizedToUpperCase() {
        ResolvedAnswers r = Q.resolve(minimal().with("knowledge_change", "Monthly").with("latency_sensitivity", "high"));
        assertThat(r.normalized().get("knowledge_change")).isEqualTo("MONTHLY");
        assertThat(r.normalized().get("latency_sensitivity")).isEqualTo("HIGH");
        assertThat(r.profile().knowledgeChange()).isEqualTo(KnowledgeChange.MONTHLY);
    }

    @Test
    void normalizedAnswersAreInQuestionnaireOrder() {
        Answers shuffled = Answers.empty().with("training_examples", 10L).with("model_size", "7b")
                .with("hosting_infrastructure", false).with("knowledge_change", "weekly")
                .with("monthly_queries", 5L).with("query_variety", "wide");
        ResolvedAnswers r = Q.resolve(shuffled);
        assertThat(r.normalized().ids()).containsExactly("knowledge_change", "query_variety", "monthly_queries",
                "hosting_infrastructure", "training_examples", "model_size");
        assertThat(r.normalized().toJson()).contains("\"knowledge_change\": \"WEEKLY\"");
    }

    @Test
    void explicitNullIsUnansweredAndTakesTheDefault() {
        ResolvedAnswers r = Q.resolve(minimal().with("on_prem_required", null).with("domain_consistency", null));
        assertThat(r.profile().onPremRequired()).isFalse();
        assertThat(r.profile().answered()).doesNotContain("on_prem_required", "domain_consistency");
        assertThat(r.defaulted()).contains("on_prem_required");
        assertThat(r.normalized().contains("domain_consistency")).isTrue();
    }

    @Test
    void integralDecimalIsAcceptedForIntegers() {
        ResolvedAnswers r = Q.resolve(minimal().with("monthly_queries", new BigDecimal("1000.0")));
        assertThat(r.profile().monthlyQueries()).isEqualTo(1000L);
        assertThat(r.normalized().get("monthly_queries")).isEqualTo(1000L);
    }

    @Test
    void eachErrorKindNamesItsKey() {
        assertSingleError(minimal().with("horizon_month", 5L), "horizon_month", "did you mean 'horizon_months'?");
        assertSingleError(minimal().with("monthly_queries", "1000"), "monthly_queries",
                "expected a whole number (queries/month), got text \"1000\"");
        assertSingleError(minimal().with("hosting_infrastructure", 1L), "hosting_infrastructure",
                "expected true or false, got number 1");
        assertSingleError(minimal().with("monthly_queries", new BigDecimal("1000.5")), "monthly_queries",
                "must be a whole number");
        assertSingleError(minimal().with("query_variety", "SOMETIMES"), "query_variety",
                "choose one of REPETITIVE, MIXED, WIDE");
        assertSingleError(minimal().with("horizon_months", 0L), "horizon_months",
                "must be between 1 and 120 months, got 0");
        assertSingleError(minimal().with("monthly_queries", 20_000_000_000L), "monthly_queries",
                "between 1 and 10,000,000,000 queries/month");
        assertSingleError(minimal().with("vector_db_monthly_usd", new BigDecimal("-1")), "vector_db_monthly_usd",
                "must be between 0 and 10,000,000 USD/month, with at most 2 decimals, got -1");
        assertSingleError(minimal().with("retrieval_cost_per_query_usd", Double.NaN), "retrieval_cost_per_query_usd",
                "must be a finite number");
        assertSingleError(minimal().with("fine_tune_cost_usd", Double.POSITIVE_INFINITY), "fine_tune_cost_usd",
                "must be a finite number");
        assertSingleError(minimal().without("query_variety"), "query_variety", "a required answer is missing");
        assertSingleError(minimal().with("training_examples", null), "training_examples", "a required answer is missing");
        assertSingleError(minimal().with("model_size", 7L), "model_size", "expected one of 7B, 70B, 405B");
    }

    @Test
    void allErrorsAreReportedTogether() {
        Answers bad = Answers.empty()
                .with("knowledge_change", "hourly")
                .with("query_variety", "wide")
                .with("monthly_queries", 0L)
                .with("training_examples", 10L)
                .with("colour", "blue")
                .with("latency_budget_ms", new BigDecimal("12.5"));
        InvalidAnswersException e = catchThrowableOfType(InvalidAnswersException.class, () -> Q.resolve(bad));
        assertThat(e.errors()).extracting(InputError::field).containsExactly(
                "knowledge_change", "monthly_queries", "latency_budget_ms", "hosting_infrastructure", "colour");
        assertThat(e.getMessage()).contains("colour: 'colour' is not a question");
        assertThat(Q.validate(bad)).isEqualTo(e.errors());
    }

    @Test
    void typoOfAMissingRequiredKeyIsLinked() {
        List<InputError> errors = Q.validate(minimal().without("training_examples").with("training_exmaples", 10L));
        assertThat(errors).extracting(InputError::field).containsExactly("training_examples", "training_exmaples");
        assertThat(errors.get(0).message()).contains("'training_exmaples', which looks like a misspelling");
        assertThat(errors.get(1).message()).contains("did you mean 'training_examples'?");
    }

    @Test
    void farOffKeysGetNoSuggestion() {
        assertThat(Q.validate(minimal().with("favourite_colour", "blue"))).singleElement()
                .satisfies(e -> assertThat(e.message()).doesNotContain("did you mean"));
    }

    @Test
    void validAnswersHaveNoErrors() {
        assertThat(Q.validate(minimal())).isEmpty();
    }

    @Test
    void consoleHelpers() {
        Question budget = Q.question("latency_budget_ms").orElseThrow();
        assertThat(Q.isAsked(budget, minimal())).isFalse();
        assertThat(Q.isAsked(budget, minimal().with("latency_sensitivity", "medium"))).isTrue();
        assertThat(Q.isAsked(Q.question("examples_labeled").orElseThrow(), minimal().with("training_examples", 0L)))
                .isFalse();
        assertThat(Q.defaultFor("fine_tune_cost_usd", Answers.empty().with("model_size", "70B")))
                .hasValueSatisfying(v -> assertThat((BigDecimal) v).isEqualByComparingTo("1500"));
        assertThat(Q.defaultFor("inference_monthly_usd", Answers.empty().with("model_size", "405B"))).isEmpty();
        assertThat(Q.defaultFor("retrains_per_year", Answers.empty().with("knowledge_change", "MONTHLY")))
                .contains(12L);
        assertThat(Q.defaultFor("knowledge_change", Answers.empty())).isEmpty();

        Answers partial = Answers.empty().with("oops", 1L).with("model_size", "70b").with("knowledge_change", "x");
        assertThat(Q.normalize(partial).asMap()).containsExactly(
                Map.entry("knowledge_change", "x"), Map.entry("model_size", "70B"), Map.entry("oops", 1L));
    }

    private static void assertSingleError(Answers answers, String field, String messagePart) {
        InvalidAnswersException e = catchThrowableOfType(InvalidAnswersException.class, () -> Q.resolve(answers));
        assertThat(e).as(field).isNotNull();
        assertThat(e.errors()).as(field).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(messagePart);
        });
    }
}
