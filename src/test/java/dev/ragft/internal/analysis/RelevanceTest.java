package dev.ragft.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.Answers;
import dev.ragft.internal.Engine;
import dev.ragft.model.Strategy;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RelevanceTest {

    /** Above this many combinations the brute force takes a fixed pseudo-random sample plus every one-at-a-time change. */
    private static final int BRUTE_FORCE_LIMIT = 300;

    static List<Fixtures.Consultation> consultations() {
        return Fixtures.consultations();
    }

    /**
     * Walks each consultation as the console would, question by question; whatever Relevance calls
     * skippable is then checked by brute force through the full engine: every value of it and of the
     * other skipped questions, with the rest as answered, never changes the strategy.
     */
    @ParameterizedTest
    @MethodSource("consultations")
    void everySkippedQuestionIsVerifiedByBruteForce(Fixtures.Consultation consultation) {
        Engine engine = Fixtures.engine();
        List<Question> questions = engine.questionnaire().questions();
        Answers full = consultation.answers();
        for (int answered = 8; answered < questions.size(); answered += 5) {
            Answers soFar = Answers.empty();
            Set<String> remaining = new LinkedHashSet<>();
            for (int i = 0; i < questions.size(); i++) {
                String id = questions.get(i).id();
                if (i < answered) {
                    if (full.contains(id)) {
                        soFar = soFar.with(id, full.get(id));
                    }
                } else {
                    remaining.add(id);
                }
            }
            Set<String> skipped = Relevance.decidable(engine, soFar, remaining);
            assertThat(skipped).doesNotContainAnyElementsOf(Relevance.NEVER_SKIPPED);
            if (!skipped.isEmpty()) {
                verify(engine, full, new ArrayList<>(skipped), consultation + " after " + answered + " answers");
            }
        }
    }

    private static void verify(Engine engine, Answers full, List<String> skipped, String what) {
        List<List<Object>> domains = new ArrayList<>();
        long size = 1;
        for (String id : skipped) {
            List<Object> domain = concreteDomain(engine.questionnaire().question(id).orElseThrow());
            domains.add(domain);
            size *= domain.size();
        }
        Strategy expected = engine.advise(full).strategy();
        List<int[]> combos = new ArrayList<>();
        if (size <= BRUTE_FORCE_LIMIT) {
            for (long index = 0; index < size; index++) {
                int[] digits = new int[domains.size()];
                long rest = index;
                for (int i = 0; i < digits.length; i++) {
                    digits[i] = (int) (rest % domains.get(i).size());
                    rest /= domains.get(i).size();
                }
                combos.add(digits);
            }
        } else {
            Random random = new Random(42);
            for (int n = 0; n < BRUTE_FORCE_LIMIT; n++) {
                int[] digits = new int[domains.size()];
                for (int i = 0; i < digits.length; i++) {
                    digits[i] = random.nextInt(domains.get(i).size());
                }
                combos.add(digits);
            }
            for (int i = 0; i < domains.size(); i++) {
                for (int v = 0; v < domains.get(i).size(); v++) {
                    int[] digits = new int[domains.size()];
                    digits[i] = v;
                    combos.add(digits);
                }
            }
        }
        for (int[] digits : combos) {
            Answers answers = full;
            for (int i = 0; i < digits.length; i++) {
                answers = answers.with(skipped.get(i), domains.get(i).get(digits[i]));
            }
            if ("405B".equals(answers.get("model_size")) && answers.get("inference_monthly_usd") == null) {
                answers = answers.with("inference_monthly_usd", new BigDecimal("5000"));
            }
            assertThat(engine.advise(answers).strategy()).as(what + ": skipped " + skipped + " set to "
                    + Arrays.toString(digits)).isEqualTo(expected);
        }
    }

    /** Concrete values spanning every policy bucket and both ends of the cost inputs; null = unanswered. */
    private static List<Object> concreteDomain(Question q) {
        List<Object> values = new ArrayList<>();
        if (!q.required()) {
            values.add(null);
        }
        switch (q.type()) {
            case BOOLEAN -> values.addAll(List.of(true, false));
            case ENUM -> q.choices().stream().map(Choice::value).forEach(values::add);
            case INTEGER -> {
                List<Long> candidates = switch (q.id()) {
                    case "monthly_queries" -> List.of(1L, 9_999L, 10_000L, 10_000_000L);
                    case "training_examples" -> List.of(0L, 50L, 100L, 1_000L, 10_000L);
                    case "latency_budget_ms" -> List.of(100L, 1_000L, 5_000L);
                    case "retrains_per_year" -> List.of(0L, 2L, 12L, 52L);
                    case "horizon_months" -> List.of(1L, 120L);
                    default -> List.of(q.min() == null ? 0L : q.min().longValueExact());
                };
                values.addAll(candidates);
            }
            case NUMBER -> values.addAll(List.of(BigDecimal.ZERO, new BigDecimal("100000")));
        }
        return values;
    }

    /** The console's loop: ask in order, after each answer drop what can no longer matter. */
    private static int questionsAsked(Engine engine, Answers full, boolean adaptive) {
        List<Question> questions = engine.questionnaire().questions();
        Set<String> remaining = new LinkedHashSet<>();
        questions.forEach(q -> remaining.add(q.id()));
        Set<String> skipped = new HashSet<>();
        Answers soFar = Answers.empty();
        int asked = 0;
        for (Question q : questions) {
            remaining.remove(q.id());
            if (skipped.contains(q.id())) {
                continue;
            }
            asked++;
            if (full.contains(q.id())) {
                soFar = soFar.with(q.id(), full.get(q.id()));
            }
            if (adaptive) {
                skipped.addAll(Relevance.decidable(engine, soFar, remaining));
            }
        }
        return asked;
    }

    @Test
    void anEarlyDecidingAnswerAsksStrictlyFewerQuestions() {
        Engine engine = Fixtures.engine();
        Answers tenExamples = Fixtures.consultations().stream().filter(c -> c.name().equals("analysis/few-examples.json"))
                .findFirst().orElseThrow().answers();
        Answers plenty = tenExamples.with("training_examples", 5_000L);
        int all = questionsAsked(engine, tenExamples, false);
        int adaptive = questionsAsked(engine, tenExamples, true);
        assertThat(all).isEqualTo(engine.questionnaire().questions().size());
        assertThat(adaptive).isLessThan(all);
        assertThat(adaptive).isLessThan(questionsAsked(engine, plenty, true));
        assertThat(engine.advise(tenExamples).strategy()).isEqualTo(Strategy.RAG);
    }

    @Test
    void tenExamplesDecideEverythingThatFollows() {
        Engine engine = Fixtures.engine();
        Answers soFar = Answers.empty().with("knowledge_change", "RARELY").with("query_variety", "REPETITIVE")
                .with("monthly_queries", 100_000L).with("hosting_infrastructure", true).with("training_examples", 10L);
        Set<String> remaining = Set.of("examples_labeled", "model_size", "horizon_months", "fine_tune_cost_usd",
                "data_prep_cost_usd", "inference_monthly_usd", "retrains_per_year", "vector_db_monthly_usd",
                "retrieval_cost_per_query_usd", "generation_cost_per_query_usd");
        Relevance.Result result = Relevance.check(engine, soFar, remaining);
        assertThat(result.skippable()).containsExactlyInAnyOrderElementsOf(remaining);
        assertThat(result.defaults()).containsEntry("model_size", "7B").containsEntry("horizon_months", 12L);
        // With enough data the costs matter again, so the cost questions are asked.
        assertThat(Relevance.decidable(engine, soFar.with("training_examples", 5_000L), remaining))
                .doesNotContain("fine_tune_cost_usd", "monthly_queries");
    }

    @Test
    void tooManyCombinationsSkipNothing() {
        Engine engine = Fixtures.engine();
        Set<String> everything = new LinkedHashSet<>();
        engine.questionnaire().questions().forEach(q -> everything.add(q.id()));
        Relevance.Result result = Relevance.check(engine, Answers.empty(), everything);
        assertThat(result.skippable()).isEmpty();
        assertThat(result.reason()).startsWith("not attempted");
    }
}
