package dev.ragft.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code questionnaires/advisor.json} has the catalog's criteria and the documented questions. */
class QuestionnaireDefinitionTest {

    static final Path FILE = Path.of("questionnaires", "advisor.json");
    static final Questionnaire Q = Questionnaire.load(FILE);

    @Test
    void hasEverySpecQuestionInAskingOrderWithItsType() {
        Map<String, QuestionType> spec = new java.util.LinkedHashMap<>();
        spec.put("knowledge_change", QuestionType.ENUM);
        spec.put("domain_consistency", QuestionType.ENUM);
        spec.put("documents_cover_answers", QuestionType.ENUM);
        spec.put("query_variety", QuestionType.ENUM);
        spec.put("out_of_domain_queries", QuestionType.ENUM);
        spec.put("monthly_queries", QuestionType.INTEGER);
        spec.put("latency_sensitivity", QuestionType.ENUM);
        spec.put("latency_budget_ms", QuestionType.INTEGER);
        spec.put("on_prem_required", QuestionType.BOOLEAN);
        spec.put("audit_trail_required", QuestionType.BOOLEAN);
        spec.put("hosting_infrastructure", QuestionType.BOOLEAN);
        spec.put("cost_model_preference", QuestionType.ENUM);
        spec.put("style_format_needs", QuestionType.BOOLEAN);
        spec.put("training_examples", QuestionType.INTEGER);
        spec.put("examples_labeled", QuestionType.BOOLEAN);
        spec.put("model_size", QuestionType.ENUM);
        spec.put("horizon_months", QuestionType.INTEGER);
        spec.put("fine_tune_cost_usd", QuestionType.NUMBER);
        spec.put("data_prep_cost_usd", QuestionType.NUMBER);
        spec.put("inference_monthly_usd", QuestionType.NUMBER);
        // Cost model v2: serving derived from one instance's price and throughput when not stated.
        spec.put("gpu_monthly_usd", QuestionType.NUMBER);
        spec.put("gpu_tokens_per_second", QuestionType.NUMBER);
        spec.put("peak_load_factor", QuestionType.NUMBER);
        spec.put("retrains_per_year", QuestionType.INTEGER);
        spec.put("self_hosted_rag", QuestionType.BOOLEAN);
        spec.put("vector_db_monthly_usd", QuestionType.NUMBER);
        spec.put("retrieval_cost_per_query_usd", QuestionType.NUMBER);
        // Cost model v2: the optional token-based pricing of generation.
        spec.put("input_price_per_million_tokens_usd", QuestionType.NUMBER);
        spec.put("output_price_per_million_tokens_usd", QuestionType.NUMBER);
        spec.put("context_tokens_per_query", QuestionType.INTEGER);
        spec.put("prompt_tokens_per_query", QuestionType.INTEGER);
        spec.put("output_tokens_per_query", QuestionType.INTEGER);
        spec.put("generation_cost_per_query_usd", QuestionType.NUMBER);

        assertThat(Q.questions()).extracting(Question::id).containsExactlyElementsOf(spec.keySet());
        for (Question q : Q.questions()) {
            assertThat(q.type()).as(q.id()).isEqualTo(spec.get(q.id()));
            assertThat(q.prompt()).as(q.id()).endsWith("?");
            assertThat(q.help()).as(q.id()).isNotBlank();
            assertThat(q.guideSection()).as(q.id()).isNotBlank();
            assertThat(q.criteria()).as(q.id()).isNotEmpty();
        }
    }

    @Test
    void enumChoicesAreTheSpecValues() {
        assertThat(values("knowledge_change")).containsExactly("RARELY", "MONTHLY", "WEEKLY", "DAILY");
        assertThat(Q.question("knowledge_change").orElseThrow().choices().get(0).label()).isEqualTo("yearly or less");
        assertThat(values("domain_consistency")).containsExactly("CONSISTENT", "EVOLVING");
        assertThat(values("documents_cover_answers")).containsExactly("MOSTLY", "PARTLY", "RARELY");
        assertThat(values("query_variety")).containsExactly("REPETITIVE", "MIXED", "WIDE");
        assertThat(values("out_of_domain_queries")).containsExactly("RARE", "SOMETIMES", "OFTEN");
        assertThat(values("latency_sensitivity")).containsExactly("LOW", "MEDIUM", "HIGH");
        assertThat(values("cost_model_preference")).containsExactly("PREDICTABLE", "PAY_PER_USE", "NO_PREFERENCE");
        assertThat(values("model_size")).containsExactly("7B", "70B", "405B");
    }

    @Test
    void rangesUnitsAndRequiredFlagsFollowTheSpec() {
        assertRange("monthly_queries", "1", "10000000000", "queries/month");
        assertRange("latency_budget_ms", "1", "600000", "ms");
        assertRange("training_examples", "0", "1000000000", "examples");
        assertRange("horizon_months", "1", "120", "months");
        assertRange("retrains_per_year", "0", "52", "per year");
        // Issue 12: every number is bounded, far above any real project (see the file's "$comment").
        assertRange("fine_tune_cost_usd", "0", "100000000", "USD");
        assertRange("inference_monthly_usd", "0", "10000000", "USD/month");
        assertRange("retrieval_cost_per_query_usd", "0", "10", "USD/query");

        assertThat(Q.questions()).filteredOn(Question::required).extracting(Question::id).containsExactly(
                "knowledge_change", "query_variety", "monthly_queries", "hosting_infrastructure", "training_examples");
        assertThat(Q.questions()).filteredOn(Question::costDefaults).extracting(Question::id).containsExactly(
                "fine_tune_cost_usd", "data_prep_cost_usd", "inference_monthly_usd", "gpu_monthly_usd",
                "gpu_tokens_per_second", "peak_load_factor", "retrains_per_year", "self_hosted_rag",
                "vector_db_monthly_usd", "retrieval_cost_per_query_usd", "input_price_per_million_tokens_usd",
                "output_price_per_million_tokens_usd", "context_tokens_per_query", "prompt_tokens_per_query",
                "output_tokens_per_query", "generation_cost_per_query_usd");
    }

    @Test
    void literalAndDependentDefaultsFollowTheSpec() {
        assertThat(literal("on_prem_required")).isEqualTo(false);
        assertThat(literal("audit_trail_required")).isEqualTo(false);
        assertThat(literal("cost_model_preference")).isEqualTo("NO_PREFERENCE");
        assertThat(literal("style_format_needs")).isEqualTo(false);
        assertThat(literal("examples_labeled")).isEqualTo(true);
        assertThat(literal("model_size")).isEqualTo("7B");
        assertThat(literal("horizon_months")).isEqualTo(12L);
        assertThat((BigDecimal) literal("vector_db_monthly_usd")).isEqualByComparingTo("50");
        assertThat((BigDecimal) literal("retrieval_cost_per_query_usd")).isEqualByComparingTo("0.05");
        assertThat((BigDecimal) literal("generation_cost_per_query_usd")).isEqualByComparingTo("0.005");
        for (String id : List.of("knowledge_change", "domain_consistency", "documents_cover_answers", "query_variety",
                "out_of_domain_queries", "monthly_queries", "latency_sensitivity", "latency_budget_ms",
                "hosting_infrastructure", "training_examples")) {
            assertThat(Q.question(id).orElseThrow().defaultValue()).as(id).isNull();
        }

        // Serving is stated or derived: the guide's scenario figures are the price of one serving instance.
        assertThat(Q.question("inference_monthly_usd").orElseThrow().defaultValue()).isNull();
        QuestionDefault instance = Q.question("gpu_monthly_usd").orElseThrow().defaultValue();
        assertThat(instance.dependsOn()).isEqualTo("model_size");
        assertThat(instance.byValue()).containsOnlyKeys("7B", "70B");
        assertThat((BigDecimal) literal("gpu_tokens_per_second")).isEqualByComparingTo("25");
        assertThat((BigDecimal) literal("peak_load_factor")).isEqualByComparingTo("2");
        assertThat(literal("self_hosted_rag")).isEqualTo(false);
        QuestionDefault retrains = Q.question("retrains_per_year").orElseThrow().defaultValue();
        assertThat(retrains.dependsOn()).isEqualTo("knowledge_change");
        assertThat(retrains.byValue()).containsExactlyInAnyOrderEntriesOf(
                Map.of("RARELY", 1L, "MONTHLY", 12L, "WEEKLY", 52L, "DAILY", 52L));
    }

    @Test
    void conditionalQuestions() {
        AskWhen budget = Q.question("latency_budget_ms").orElseThrow().askWhen();
        assertThat(budget.question()).isEqualTo("latency_sensitivity");
        assertThat(budget.in()).containsExactly("MEDIUM", "HIGH");
        AskWhen labeled = Q.question("examples_labeled").orElseThrow().askWhen();
        assertThat(labeled.question()).isEqualTo("training_examples");
        assertThat(labeled.test(0L)).isFalse();
        assertThat(labeled.test(5L)).isTrue();
        // Cost model v2: the GPU questions only when serving is not stated, the token details only with a
        // per-token price, the per-query generation price only without one, self-hosting only off premises.
        for (String id : List.of("gpu_monthly_usd", "gpu_tokens_per_second", "peak_load_factor")) {
            AskWhen derived = Q.question(id).orElseThrow().askWhen();
            assertThat(derived.question()).as(id).isEqualTo("inference_monthly_usd");
            assertThat(derived.test(null)).as(id).isTrue();
            assertThat(derived.test(new BigDecimal("50"))).as(id).isFalse();
        }
        for (String id : List.of("output_price_per_million_tokens_usd", "context_tokens_per_query", "prompt_tokens_per_query")) {
            AskWhen tokens = Q.question(id).orElseThrow().askWhen();
            assertThat(tokens.question()).as(id).isEqualTo("input_price_per_million_tokens_usd");
            assertThat(tokens.test(new BigDecimal("3"))).as(id).isTrue();
            assertThat(tokens.test(null)).as(id).isFalse();
        }
        AskWhen perQuery = Q.question("generation_cost_per_query_usd").orElseThrow().askWhen();
        assertThat(perQuery.test(null)).isTrue();
        assertThat(perQuery.test(new BigDecimal("3"))).isFalse();
        AskWhen hosting = Q.question("self_hosted_rag").orElseThrow().askWhen();
        assertThat(hosting.test(false)).isTrue();
        assertThat(hosting.test(true)).isFalse();
        assertThat(Q.questions()).filteredOn(q -> q.askWhen() != null).hasSize(10);
    }

    @Test
    void allTwentyFourCriteriaInCatalogOrder() {
        assertThat(Q.criteria()).extracting(Criterion::id).containsExactly(
                "ft.repeated-query-patterns", "ft.consistent-domain", "ft.latency-matters", "ft.on-prem-privacy",
                "ft.predictable-volume", "rag.frequent-data-changes", "rag.varied-queries",
                "rag.no-hosting-infrastructure", "rag.usage-based-cost", "rag.audit-trail",
                "rag.managed-api-option", "hybrid.style-plus-fresh-facts", "cost.horizon-total",
                "cost.volume-rule-of-thumb", "cost.payback", "quality.out-of-domain", "quality.documents-coverage",
                "speed.retrieval-overhead", "data.training-volume", "data.labeling", "ops.training-time",
                "ops.retraining-cadence", "ops.incremental-drift", "freshness.staleness-window");
        Criterion managed = Q.criterion("rag.managed-api-option").orElseThrow();
        assertThat(managed.section()).isEqualTo("FAQ (RAG over your own documents through an API)");
        assertThat(managed.drivenBy()).containsExactly("hosting_infrastructure", "on_prem_required");
        assertThat(Q.criterion("hybrid.style-plus-fresh-facts").orElseThrow().drivenBy())
                .containsExactly("style_format_needs", "domain_consistency", "documents_cover_answers",
                        "knowledge_change", "audit_trail_required");
        assertThat(Q.criteria()).allSatisfy(c -> assertThat(c.title()).isNotBlank());
    }

    @Test
    void criteriaAndQuestionsReferToEachOther() {
        for (Criterion c : Q.criteria()) {
            for (String id : c.drivenBy()) {
                assertThat(Q.question(id).orElseThrow().criteria()).as(c.id() + " <- " + id).contains(c.id());
            }
        }
    }

    @Test
    void sectionsInConsoleOrder() {
        assertThat(Q.sections()).containsExactly(
                new Section("knowledge-and-data", "Your knowledge and data"),
                new Section("queries", "Your queries"),
                new Section("constraints", "Constraints"),
                new Section("training-data", "Training data"),
                new Section("costs", "Costs"));
        assertThat(Q.questionsIn("costs")).first().extracting(Question::id).isEqualTo("horizon_months");
    }

    @Test
    void classpathCopyIsTheSameDefinition() {
        Questionnaire packaged = Questionnaire.fromClasspath();
        assertThat(packaged.questions()).isEqualTo(Q.questions());
        assertThat(packaged.criteria()).isEqualTo(Q.criteria());
        assertThat(Questionnaire.fromClasspath()).isSameAs(packaged);
    }

    @Test
    void malformedJsonNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"criteria\": [\n    {\"id\": \"x\",, }\n  ]\n}\n");
        assertThatThrownBy(() -> Questionnaire.load(broken))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageStartingWith(broken + ":3:")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void inconsistentDefinitionNamesTheQuestion() throws Exception {
        String json = Files.readString(FILE);
        String badType = json.replaceFirst("\"type\": \"integer\"", "\"type\": \"count\"");
        assertThatThrownBy(() -> Questionnaire.parse(badType, "t.json"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessage("t.json: question 'monthly_queries': type 'count' is not one of enum, boolean, integer, number");

        String badDefault = json.replace("\"default\": 12", "\"default\": 500");
        assertThatThrownBy(() -> Questionnaire.parse(badDefault, "t.json"))
                .hasMessageContaining("question 'horizon_months' default: must be between 1 and 120 months");

        String badCriterion = json.replace("\"criteria\": [\"data.labeling\"]", "\"criteria\": [\"data.labelling\"]");
        assertThatThrownBy(() -> Questionnaire.parse(badCriterion, "t.json"))
                .hasMessageContaining("question 'examples_labeled': unknown criterion 'data.labelling'");

        String unknownField = json.replace("\"costDefaults\": true,\n      \"criteria\": [\"cost.horizon-total\", \"cost.payback\"]\n    },\n    {\n      \"id\": \"data_prep_cost_usd\"",
                "\"costDefault\": true,\n      \"criteria\": [\"cost.horizon-total\", \"cost.payback\"]\n    },\n    {\n      \"id\": \"data_prep_cost_usd\"");
        assertThat(unknownField).isNotEqualTo(json);
        assertThatThrownBy(() -> Questionnaire.parse(unknownField, "t.json"))
                .hasMessageContaining("question 'fine_tune_cost_usd': unknown field 'costDefault'");
    }

    @Test
    void duplicateKeysInTheDefinitionAreRejected() {
        assertThatThrownBy(() -> Questionnaire.parse("{\"sections\": [], \"sections\": []}", "d.json"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageStartingWith("d.json:1:")
                .hasMessageContaining("sections");
    }

    @Test
    void helpTextsDoNotCopyTheGuide() throws Exception {
        // The guide must be paraphrased: no help text may share a run of eight words with it.
        Path guide = Path.of("/work/shared/guide/fine-tuning-vs-rag-guide.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(guide), "guide not available here");
        Set<String> guideShingles = shingles(Files.readString(guide));
        for (Question q : Q.questions()) {
            for (String text : List.of(q.prompt(), q.help())) {
                Set<String> mine = shingles(text);
                mine.retainAll(guideShingles);
                assertThat(mine).as(q.id()).isEmpty();
            }
        }
    }

    private static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
        Set<String> result = new java.util.HashSet<>();
        for (int i = 0; i + 8 <= words.length; i++) {
            result.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + 8)));
        }
        return result;
    }

    private static List<String> values(String id) {
        return Q.question(id).orElseThrow().choices().stream().map(Choice::value).toList();
    }

    private static Object literal(String id) {
        QuestionDefault d = Q.question(id).orElseThrow().defaultValue();
        assertThat(d.isDependent()).as(id).isFalse();
        return d.literal();
    }

    @Test
    void everyNumberHasAMaximumAndAScaleThatKeepCostTotalsExactInTheRules() {
        for (Question q : Q.questions()) {
            if (q.type() == QuestionType.INTEGER || q.type() == QuestionType.NUMBER) {
                assertThat(q.min()).as(q.id()).isNotNull();
                assertThat(q.max()).as(q.id()).isNotNull();
                assertThat(q.maxDecimals()).as(q.id()).isNotNull()
                        .isEqualTo(q.type() == QuestionType.INTEGER ? 0 : q.maxDecimals());
            }
        }
        // The largest RAG total the maxima allow: queries x months x (retrieval + generation), plus the
        // vector database; it must stay under 2^45, where a double still holds the cents.
        BigDecimal queries = Q.question("monthly_queries").orElseThrow().max();
        BigDecimal months = Q.question("horizon_months").orElseThrow().max();
        BigDecimal perQuery = Q.question("retrieval_cost_per_query_usd").orElseThrow().max()
                .add(Q.question("generation_cost_per_query_usd").orElseThrow().max());
        BigDecimal rag = queries.multiply(perQuery).add(Q.question("vector_db_monthly_usd").orElseThrow().max())
                .multiply(months);
        assertThat(rag).isLessThan(BigDecimal.valueOf(1L << 45));
    }

    private static void assertRange(String id, String min, String max, String unit) {
        Question q = Q.question(id).orElseThrow();
        assertThat(q.min()).as(id).isEqualByComparingTo(min);
        if (max == null) {
            assertThat(q.max()).as(id).isNull();
        } else {
            assertThat(q.max()).as(id).isEqualByComparingTo(max);
        }
        assertThat(q.unit()).as(id).isEqualTo(unit);
    }
}
