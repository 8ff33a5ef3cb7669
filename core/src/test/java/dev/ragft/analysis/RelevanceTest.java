package dev.ragft.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Question;
import dev.ragft.testing.BruteForce;
import dev.ragft.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RelevanceTest {

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
            assertThat(skipped).doesNotContainAnyElementsOf(Relevance.neverSkipped(engine));
            if (!skipped.isEmpty()) {
                BruteForce.verifySkippable(engine, full, new ArrayList<>(skipped), consultation + " after " + answered + " answers");
            }
        }
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
        Answers tenExamples = Fixtures.consultations().stream().filter(c -> c.name().endsWith("/few-examples.json"))
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
        assertThat(result.skippable()).as(result.reason()).containsExactlyInAnyOrderElementsOf(remaining);
        assertThat(result.defaults()).containsEntry("model_size", "7B").containsEntry("horizon_months", 12L);
        // With enough data the costs matter again, so the cost questions are asked.
        assertThat(Relevance.decidable(engine, soFar.with("training_examples", 5_000L), remaining))
                .doesNotContain("fine_tune_cost_usd", "monthly_queries");
    }

    /** The questions that can raise a blocker or conflict are read from the rules that insert blockers. */
    @Test
    void theBlockerQuestionsComeFromTheRules() {
        assertThat(Relevance.neverSkipped(Fixtures.engine()))
                .containsExactlyInAnyOrder("training_examples", "on_prem_required", "hosting_infrastructure");
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
