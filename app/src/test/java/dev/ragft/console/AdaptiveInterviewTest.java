package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.questionnaire.Answers;
import dev.ragft.engine.Engine;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.BruteForce;
import dev.ragft.testing.Fixtures;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The adaptive interview: skipping, its announcement, {@code all}, {@code back}, and what is recorded. */
class AdaptiveInterviewTest {

    private static final Questionnaire QUESTIONNAIRE = Questionnaire.load(Path.of("questionnaires/advisor.json"));

    /** A stand-in for the relevance check: once an audit trail is required, model size, horizon and costs "cannot matter". */
    private static final QuestionFilter AUDIT_DECIDES = (soFar, remaining) -> {
        Set<String> skip = new LinkedHashSet<>();
        if (Boolean.TRUE.equals(soFar.get("audit_trail_required"))) {
            for (String id : remaining) {
                if (id.equals("model_size") || id.equals("horizon_months")
                        || QUESTIONNAIRE.question(id).orElseThrow().costDefaults()) {
                    skip.add(id);
                }
            }
        }
        return skip;
    };

    /** Up to the audit-trail question (yes), then hosting, cost preference, style, training examples, labels. */
    private static final List<String> UNTIL_AUDIT = List.of("weekly", "1", "", "3", "skip", "10k", "medium", "800", "no", "yes");

    private static Interview.Result run(InterviewTest.ScriptedPrompter prompter, QuestionFilter filter) {
        return new Interview(QUESTIONNAIRE, prompter, filter, List::of, Answers.empty(), Answers.empty()).run();
    }

    /** The output with line breaks and indentation folded to single spaces (announcements are wrapped). */
    private static String flat(InterviewTest.ScriptedPrompter prompter) {
        return prompter.text().replaceAll("\\s+", " ");
    }

    private static long questionsShown(InterviewTest.ScriptedPrompter prompter) {
        return prompter.output.stream().filter(line -> line.matches("\\[\\d+/\\d+\\] .*")).count();
    }

    @Test
    void skippedQuestionsAreAnnouncedOnceLeftOutOfTheAnswersAndReported() {
        List<String> script = new ArrayList<>(UNTIL_AUDIT);
        script.addAll(List.of("YES", "", "", "5,000", ""));
        InterviewTest.ScriptedPrompter prompter = new InterviewTest.ScriptedPrompter(script);

        Interview.Result result = run(prompter, AUDIT_DECIDES);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        assertThat(result.skipped()).containsExactly("model_size", "horizon_months", "fine_tune_cost_usd", "data_prep_cost_usd",
                "inference_monthly_usd", "gpu_monthly_usd", "gpu_tokens_per_second", "peak_load_factor", "retrains_per_year",
                "self_hosted_rag", "vector_db_monthly_usd", "retrieval_cost_per_query_usd",
                "input_price_per_million_tokens_usd", "output_price_per_million_tokens_usd", "context_tokens_per_query",
                "prompt_tokens_per_query", "output_tokens_per_query", "generation_cost_per_query_usd");
        // Not written as answered: a saved or resumed consultation leaves them to their defaults as well.
        assertThat(result.answers().ids()).doesNotContainAnyElementsOf(result.skipped());
        assertThat(QUESTIONNAIRE.validate(result.answers())).isEmpty();
        assertThat(flat(prompter)).containsOnlyOnce("18 remaining questions cannot change the outcome (model_size, horizon_months,")
                .contains("output_tokens_per_query, generation_cost_per_query_usd); type all to answer them anyway.")
                .doesNotContain("Use the guide's default costs");
        assertThat(questionsShown(prompter)).isEqualTo(15);
        // The progress marker counts only what will be asked.
        assertThat(prompter.text()).contains("[15/15]");
    }

    @Test
    void allBringsTheSkippedQuestionsBackFromWhereverItIsTyped() {
        List<String> script = new ArrayList<>(UNTIL_AUDIT);
        script.addAll(List.of("YES", "all", "", "", "5,000", "", "70b", "24", "y"));
        InterviewTest.ScriptedPrompter prompter = new InterviewTest.ScriptedPrompter(script);

        Interview.Result result = run(prompter, AUDIT_DECIDES);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        assertThat(result.skipped()).isEmpty();
        assertThat(result.answers().get("model_size")).isEqualTo("70B");
        assertThat(result.answers().get("horizon_months")).isEqualTo(24L);
        assertThat(prompter.text()).contains("every question will be asked, including the 18 that were being skipped",
                "Use the guide's default costs for a 70B model?");
        assertThat(prompter.lines).isEmpty();
    }

    /** Varied queries "settle" the out-of-domain and latency questions, which sit in the middle of the interview. */
    private static final QuestionFilter WIDE_DECIDES = (soFar, remaining) -> {
        Set<String> skip = new LinkedHashSet<>();
        if ("WIDE".equals(soFar.get("query_variety"))) {
            for (String id : List.of("out_of_domain_queries", "latency_sensitivity", "latency_budget_ms")) {
                if (remaining.contains(id)) {
                    skip.add(id);
                }
            }
        }
        return skip;
    };

    private static List<String> idsShown(InterviewTest.ScriptedPrompter prompter) {
        List<String> ids = new ArrayList<>();
        for (String line : prompter.output) {
            Matcher m = Pattern.compile("\\[\\d+/\\d+\\] (.*)").matcher(line);
            if (m.matches()) {
                ids.add(QUESTIONNAIRE.questions().stream().filter(q -> q.prompt().equals(m.group(1))).map(Question::id)
                        .findFirst().orElse("(gate)"));
            }
        }
        return ids;
    }

    @Test
    void backStepsOverSkippedQuestionsAndUndoingTheAnswerThatSkippedThemBringsThemBack() {
        List<String> script = List.of("weekly", "1", "", "3", "10k",
                "back",            // at on_prem_required: back over the skipped ones to monthly_queries
                "back",            // to query_variety, the answer that skipped them
                "2", "", "", "medium", "800", "no", "yes", "YES", "", "", "5,000", "", "70b", "24", "y");
        InterviewTest.ScriptedPrompter prompter = new InterviewTest.ScriptedPrompter(script);

        Interview.Result result = run(prompter, WIDE_DECIDES);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        assertThat(idsShown(prompter).subList(0, 9)).containsExactly("knowledge_change", "domain_consistency",
                "documents_cover_answers", "query_variety", "monthly_queries", "on_prem_required", "monthly_queries",
                "query_variety", "out_of_domain_queries");
        assertThat(flat(prompter)).contains("3 remaining questions cannot change the outcome (out_of_domain_queries, "
                + "latency_sensitivity, latency_budget_ms)", "[10,000 queries/month] > ");
        assertThat(result.skipped()).isEmpty();
        assertThat(result.answers().get("query_variety")).isEqualTo("MIXED");
        assertThat(result.answers().get("monthly_queries")).isEqualTo(10_000L);
        assertThat(result.answers().get("latency_budget_ms")).isEqualTo(800L);
        assertThat(prompter.lines).isEmpty();
    }

    @Test
    void aDraftSavedMidwayAndResumedSkipsTheSameQuestions() {
        List<String> script = new ArrayList<>(UNTIL_AUDIT);
        script.addAll(List.of("YES", "", "", "5,000", ""));
        Interview.Result straight = run(new InterviewTest.ScriptedPrompter(script), AUDIT_DECIDES);

        Interview.Result cut = run(new InterviewTest.ScriptedPrompter(script.subList(0, 12)), AUDIT_DECIDES);
        assertThat(cut.outcome()).isEqualTo(Interview.Outcome.END_OF_INPUT);
        Answers draft = Answers.fromJson(cut.answers().toJson(), "draft");
        assertThat(draft.ids()).doesNotContain("model_size", "fine_tune_cost_usd");
        Interview.Result resumed = new Interview(QUESTIONNAIRE, new InterviewTest.ScriptedPrompter(script.subList(12, script.size())),
                AUDIT_DECIDES, List::of, Answers.empty(), draft).run();

        assertThat(resumed.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        assertThat(resumed.answers()).isEqualTo(straight.answers());
        assertThat(resumed.skipped()).isEqualTo(straight.skipped());
    }

    // --- the real relevance check through the interview --------------------------------------------------

    static List<Fixtures.Consultation> consultations() {
        return Fixtures.consultations();
    }

    /**
     * Each consultation answered through the interview with the console's real filter (the rules compiled,
     * checks waited for as with piped input), cut short after 14 answers and run to the end: whatever the
     * interview skipped is verified by brute force not to change the strategy (at the end only if it skipped
     * something more), and the finished interview recommends what the whole consultation does.
     */
    @ParameterizedTest
    @MethodSource("consultations")
    void everyQuestionTheConsoleSkipsIsVerifiedByBruteForce(Fixtures.Consultation consultation) {
        Engine engine = Fixtures.engine();
        Answers full = consultation.answers();
        List<String> verified = List.of();
        for (int limit : new int[] {14, Integer.MAX_VALUE}) {
            AnsweringPrompter prompter = new AnsweringPrompter(full, limit);
            Interview.Result result;
            try (RelevanceFilter filter = new RelevanceFilter(Fixtures::advisor, Long.MAX_VALUE, null)) {
                result = new Interview(engine.questionnaire(), prompter, filter, List::of, Answers.empty(), Answers.empty()).run();
            }
            String what = consultation + (limit == Integer.MAX_VALUE ? ", complete" : ", after " + limit + " answers");
            if (!result.skipped().isEmpty()) {
                assertThat(result.answers().ids()).as(what).doesNotContainAnyElementsOf(result.skipped());
            }
            if (!result.skipped().isEmpty() && !result.skipped().equals(verified)) {
                BruteForce.verifySkippable(engine, full, result.skipped(), what);
                verified = result.skipped();
            }
            if (limit == Integer.MAX_VALUE) {
                assertThat(result.outcome()).as(what).isEqualTo(Interview.Outcome.COMPLETE);
                assertThat(engine.advise(result.answers()).strategy()).as(what).isEqualTo(engine.advise(full).strategy());
            }
        }
    }

    /** Answers each question the interview puts with the consultation's value (Enter where it has none). */
    private static final class AnsweringPrompter implements Prompter {
        private static final Pattern QUESTION = Pattern.compile("\\[\\d+/\\d+\\] (.*)");
        private final Answers answers;
        private final int limit;
        private String current;
        private int read;

        AnsweringPrompter(Answers answers, int limit) {
            this.answers = answers;
            this.limit = limit;
        }

        @Override
        public String readLine(String prompt, List<String> completions) throws EndOfInput {
            if (read++ >= limit) {
                throw new EndOfInput();
            }
            assertThat(read).as("the interview keeps asking").isLessThan(100);
            if (current.startsWith("Use the guide's default costs")) {
                return "n"; // each cost on its own, so the consultation's own figures are given
            }
            Question q = QUESTIONNAIRE.questions().stream().filter(x -> x.prompt().equals(current)).findFirst().orElseThrow();
            Object value = answers.get(q.id());
            if (value == null) {
                return "";
            }
            return value instanceof Boolean b ? (b ? "yes" : "no")
                    : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }

        @Override
        public void println(String text) {
            Matcher matcher = QUESTION.matcher(text);
            if (matcher.matches()) {
                current = matcher.group(1);
            }
        }

        @Override
        public Style style() {
            return Style.PLAIN;
        }
    }
}
