package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.questionnaire.Answers;
import dev.ragft.questionnaire.Questionnaire;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interview logic over a scripted prompter and the real questionnaire: no terminal, no rules. */
class InterviewTest {

    private static final Questionnaire QUESTIONNAIRE = Questionnaire.load(Path.of("questionnaires/advisor.json"));
    private static final List<RuleRef> RULES = List.of(
            new RuleRef("Knowledge changes often", "20-when-to-rag.drl", "rag.frequent-data-changes", "When to choose RAG"),
            new RuleRef("Drift rule", "70-faq.drl", "ops.incremental-drift", "FAQ"));

    /** Answers every question of a typical consultation, in asking order. */
    private static final List<String> FULL = List.of(
            "weekly", "1", "", "3", "skip", "10k", "medium", "800", "no", "yes", "YES", "", "", "5,000", "", "70b", "24", "y");

    /** Plays lines; "^C" is Ctrl-C; the end of the script is the end of input. */
    static final class ScriptedPrompter implements Prompter {
        final Deque<String> lines;
        final List<String> output = new ArrayList<>();
        /** Prompts that were on screen before this prompter read (see {@link Prompter#readLineAfterShownPrompt}). */
        final List<String> promptsShownEarly = new ArrayList<>();

        ScriptedPrompter(List<String> lines) {
            this.lines = new ArrayDeque<>(lines);
        }

        @Override
        public String readLine(String prompt, List<String> completions) throws EndOfInput, Interrupted {
            output.add(prompt);
            return next();
        }

        @Override
        public String readLineAfterShownPrompt(String prompt, List<String> completions) throws EndOfInput, Interrupted {
            promptsShownEarly.add(prompt);
            return next();
        }

        private String next() throws EndOfInput, Interrupted {
            if (lines.isEmpty()) {
                throw new EndOfInput();
            }
            String line = lines.poll();
            if ("^C".equals(line)) {
                throw new Interrupted();
            }
            output.add(line);
            return line;
        }

        @Override
        public void println(String text) {
            output.add(text);
        }

        @Override
        public Style style() {
            return Style.PLAIN;
        }

        String text() {
            return String.join("\n", output);
        }
    }

    private static Interview.Result interview(ScriptedPrompter prompter, Answers given, Answers resumed) {
        return new Interview(QUESTIONNAIRE, prompter, QuestionFilter.ALL, () -> RULES, given, resumed).run();
    }

    private static Interview.Result interview(ScriptedPrompter prompter) {
        return interview(prompter, Answers.empty(), Answers.empty());
    }

    @Test
    void aFullConsultationRecordsTypedValuesAndLeavesDefaultsToTheQuestionnaire() {
        ScriptedPrompter prompter = new ScriptedPrompter(FULL);
        Interview.Result result = interview(prompter);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        Answers answers = result.answers();
        assertThat(answers.get("knowledge_change")).isEqualTo("WEEKLY");
        assertThat(answers.get("domain_consistency")).isEqualTo("CONSISTENT");
        assertThat(answers.contains("documents_cover_answers")).isTrue();
        assertThat(answers.get("documents_cover_answers")).isNull();
        assertThat(answers.get("query_variety")).isEqualTo("WIDE");
        assertThat(answers.get("monthly_queries")).isEqualTo(10_000L);
        assertThat(answers.get("latency_budget_ms")).isEqualTo(800L);
        assertThat(answers.get("training_examples")).isEqualTo(5_000L);
        assertThat(answers.get("model_size")).isEqualTo("70B");
        assertThat(answers.get("horizon_months")).isEqualTo(24L);
        // Accepting the guide's default costs leaves each cost to its (size-dependent) default.
        assertThat(answers.contains("fine_tune_cost_usd")).isTrue();
        assertThat(answers.get("fine_tune_cost_usd")).isNull();
        assertThat(QUESTIONNAIRE.validate(answers)).isEmpty();
        assertThat(prompter.text()).contains("Your knowledge and data", "[1/", "Use the guide's default costs for a 70B model?",
                "fine-tune $1,500", "data prep $15,000");
        assertThat(prompter.lines).isEmpty();
    }

    @Test
    void aWrongValueIsReAskedWithTheReason() {
        List<String> script = new ArrayList<>(FULL);
        script.add(0, "sometimes");
        script.add(6, "lots");
        ScriptedPrompter prompter = new ScriptedPrompter(script);

        Interview.Result result = interview(prompter);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        assertThat(prompter.text()).contains("\"sometimes\" is not allowed; choose one of RARELY, MONTHLY, WEEKLY, DAILY")
                .contains("\"lots\" is not a number");
        assertThat(result.answers().get("knowledge_change")).isEqualTo("WEEKLY");
        assertThat(result.answers().get("monthly_queries")).isEqualTo(10_000L);
    }

    @Test
    void backChangesAnEarlierAnswerAndEnterKeepsAnUnchangedOne() {
        List<String> script = new ArrayList<>(List.of("weekly", "1", "back", "back", "daily", "", "mostly"));
        script.addAll(FULL.subList(3, FULL.size()));
        ScriptedPrompter prompter = new ScriptedPrompter(script);

        Interview.Result result = interview(prompter);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        assertThat(result.answers().get("knowledge_change")).isEqualTo("DAILY");
        assertThat(result.answers().get("domain_consistency")).isEqualTo("CONSISTENT");
        assertThat(result.answers().get("documents_cover_answers")).isEqualTo("MOSTLY");
        assertThat(prompter.text()).contains("[CONSISTENT] >");
    }

    @Test
    void skipIsRefusedForRequiredQuestionsAndAcceptedForOptionalOnes() {
        ScriptedPrompter prompter = new ScriptedPrompter(List.of("skip", "rarely", "skip"));

        Interview.Result result = interview(prompter);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.END_OF_INPUT);
        assertThat(prompter.text()).contains("this question cannot be skipped");
        assertThat(result.answers().asMap()).containsEntry("knowledge_change", "RARELY").containsEntry("domain_consistency", null);
    }

    @Test
    void whyNamesTheCriteriaAndWhyRulesTheRulesUsingThem() {
        ScriptedPrompter prompter = new ScriptedPrompter(List.of("why", "why rules", "quit"));

        Interview.Result result = interview(prompter);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.QUIT);
        String text = prompter.text();
        String why = text.substring(0, text.indexOf("(why rules: the rules behind these criteria)"));
        assertThat(why).contains("rag.frequent-data-changes", "hybrid.style-plus-fresh-facts",
                "ops.retraining-cadence", "ops.incremental-drift").doesNotContain("rule: ", ".drl");
        assertThat(text.substring(why.length())).contains("rag.frequent-data-changes", "hybrid.style-plus-fresh-facts",
                "ops.retraining-cadence", "ops.incremental-drift", "Knowledge changes often (20-when-to-rag.drl)");
    }

    @Test
    void helpShowsTheMeaningAndTheGuideSection() {
        ScriptedPrompter prompter = new ScriptedPrompter(List.of("help"));

        interview(prompter);

        assertThat(prompter.text()).contains("Guide section: When to choose RAG");
    }

    @Test
    void a405BModelMustAnswerTheInferenceCostEvenWithTheDefaultCosts() {
        List<String> script = new ArrayList<>(FULL);
        script.set(15, "405B");
        script.addAll(List.of("skip", "", "$4,000"));
        ScriptedPrompter prompter = new ScriptedPrompter(script);

        Interview.Result result = interview(prompter);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        // Cost model v2: serving is worked out from one instance's price, which the guide does not give for 405B.
        assertThat(prompter.text()).contains("the guide gives no ", " for 405B", "cannot be skipped", "an answer is needed");
        assertThat(result.answers().get("gpu_monthly_usd")).isEqualTo(new BigDecimal("4000"));
        assertThat(QUESTIONNAIRE.validate(result.answers())).isEmpty();
    }

    @Test
    void decliningTheDefaultCostsAsksEachCost() {
        List<String> script = new ArrayList<>(FULL);
        script.set(script.size() - 1, "n");
        // Cost model v2: fine-tuning, data, serving (blank: derived), instance price, throughput, peak, retrains,
        // self-hosting, vector database, retrieval, price per million input tokens (blank: per query), answer
        // length, generation.
        script.addAll(List.of("2000", "", "", "", "", "", "", "", "", "0.05", "", "", ""));
        ScriptedPrompter prompter = new ScriptedPrompter(script);

        Interview.Result result = interview(prompter);

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        assertThat(result.answers().get("fine_tune_cost_usd")).isEqualTo(new BigDecimal("2000"));
        assertThat(result.answers().get("retrieval_cost_per_query_usd")).isEqualTo(new BigDecimal("0.05"));
        assertThat(prompter.text()).contains("[$1,500] >");
    }

    @Test
    void anInterruptedInterviewResumedFromItsAnswersEndsWhereAnUninterruptedOneDoes() {
        Answers uninterrupted = interview(new ScriptedPrompter(FULL)).answers();
        for (int cut : new int[] {1, 7, 12, FULL.size() - 1}) {
            List<String> first = new ArrayList<>(FULL.subList(0, cut));
            first.add("^C");
            Interview.Result stopped = interview(new ScriptedPrompter(first));
            assertThat(stopped.outcome()).isEqualTo(Interview.Outcome.INTERRUPTED);

            Answers draft = Answers.fromJson(stopped.answers().toJson(), "draft");
            Interview.Result resumed = interview(new ScriptedPrompter(FULL.subList(cut, FULL.size())), Answers.empty(), draft);
            assertThat(resumed.outcome()).as("cut at %d", cut).isEqualTo(Interview.Outcome.COMPLETE);
            assertThat(resumed.answers()).as("cut at %d", cut).isEqualTo(uninterrupted);
        }
    }

    @Test
    void givenAnswersAreNotAsked() {
        Answers given = Answers.of(java.util.Map.of("knowledge_change", "DAILY", "query_variety", "MIXED"));
        List<String> script = new ArrayList<>(FULL);
        script.remove(3);
        script.remove(0);
        ScriptedPrompter prompter = new ScriptedPrompter(script);

        Interview.Result result = interview(prompter, given, Answers.empty());

        assertThat(result.outcome()).isEqualTo(Interview.Outcome.COMPLETE);
        assertThat(result.answers().get("knowledge_change")).isEqualTo("DAILY");
        assertThat(prompter.text()).doesNotContain("How often does the knowledge").doesNotContain("How varied");
        assertThat(Arrays.asList(prompter.text().split("\n"))).anyMatch(line -> line.startsWith("[1/"));
    }
}
