package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.RulesCopy;
import dev.ragft.testing.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real console as a separate process: through piped standard input, and in a pseudo-terminal
 * (tmux) where JLine reads the keys and Ctrl-C is a real key press.
 */
class ConsoleProcessTest {

    /**
     * One consultation, answer by answer: it ends RAG with the repo's rules. Its audit trail settles the
     * outcome early, so these tests ask every question ({@code --all-questions}) to reach the cost questions;
     * the adaptive interview has a test of its own.
     */
    static final List<String> ANSWERS = List.of(
            "weekly", "1", "", "3", "skip", "10k", "medium", "800", "no", "yes", "YES", "", "", "5,000", "", "70b", "24", "y");

    @TempDir
    Path dir;

    private static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void pipedConsultationWithMistakesBackWhyAndFollowUpsThenAnInterruptedOneResumed() throws IOException {
        Path saved = dir.resolve("answers.json");
        Path report = dir.resolve("report.txt");
        List<String> script = new ArrayList<>();
        script.add("sometimes");                 // wrong value: re-asked with the reason
        script.add("monthly");
        script.add("back");                      // back to the first question, which is changed
        script.add("why");
        script.addAll(ANSWERS);
        script.addAll(List.of("how rag.audit-trail", "what-if knowledge_change=rarely monthly_queries=1M",
                "what-if colour=blue", "save " + saved, "report " + report, "quit"));

        RagftProcess.Result run = RagftProcess.runWithInput(lines(script), "--all-questions", "--draft", dir.resolve("unused.json").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        String out = run.stdout();
        assertThat(out).contains("[1/", "Your knowledge and data", "Costs")
                .contains("\"sometimes\" is not allowed; choose one of RARELY, MONTHLY, WEEKLY, DAILY")
                .contains("[MONTHLY] > why")
                .contains("rag.frequent-data-changes", "ops.incremental-drift")
                .contains("Use the guide's default costs for a 70B model?")
                .contains("== Recommendation", "RAG   confidence", "== Criteria", "cost.horizon-total", "== Costs",
                        "Cumulative cost over 24 months", "== Caveats", "== What would change the decision");
        // how: the finding, its rule and the answers it read; what-if: what moved; a bad id is named.
        assertThat(out).contains("Guide section: When to choose RAG", "audit_trail_required = true")
                .contains("what if knowledge_change=rarely monthly_queries=1M:", "criteria that moved:")
                .contains("'colour' is not a question");
        assertThat(Files.readString(saved)).contains("\"knowledge_change\": \"WEEKLY\"", "\"monthly_queries\": 10000");
        assertThat(Files.readString(report)).startsWith("RECOMMENDATION: RAG");
        assertThat(Files.exists(dir.resolve("unused.json"))).isFalse();

        // The same consultation cut short by the end of the input, then resumed from its draft.
        Path draft = dir.resolve("draft.json");
        RagftProcess.Result first = RagftProcess.runWithInput(lines(ANSWERS.subList(0, 9)), "--all-questions", "--draft", draft.toString());
        assertThat(first.exitCode()).as(first.all()).isEqualTo(2);
        assertThat(first.stdout()).contains("Answers so far saved to " + draft, "ragft --resume " + draft);
        assertThat(Files.readString(draft)).contains("\"on_prem_required\": false").doesNotContain("audit_trail_required");

        Path resumedAnswers = dir.resolve("resumed.json");
        List<String> rest = new ArrayList<>(ANSWERS.subList(9, ANSWERS.size()));
        rest.add("save " + resumedAnswers);
        RagftProcess.Result second = RagftProcess.runWithInput(lines(rest), "--all-questions", "--resume", draft.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.stdout()).contains("RAG   confidence").doesNotContain("How often does the knowledge");
        assertThat(Files.readString(resumedAnswers)).isEqualTo(Files.readString(saved));
    }

    /** Ten training examples rule fine-tuning out: everything after them is settled (the adaptive interview). */
    static final List<String> TEN_EXAMPLES = List.of(
            "rarely", "", "", "repetitive", "", "100k", "", "", "", "yes", "predictable", "", "10");

    /** The questions the adaptive interview skips after ten examples: labels, model size, horizon, default costs. */
    static final List<String> SETTLED = List.of("", "", "", "y");

    @Test
    void anEarlyDecidingAnswerAsksFewerQuestionsReportsTheSkippedOnesAndAllAsksThem() throws IOException {
        Path saved = dir.resolve("answers.json");
        List<String> adaptiveScript = new ArrayList<>(TEN_EXAMPLES);
        adaptiveScript.addAll(List.of("save " + saved, "what-if training_examples=5000", "all"));
        adaptiveScript.addAll(SETTLED);
        adaptiveScript.add("quit");
        List<String> everyScript = new ArrayList<>(TEN_EXAMPLES);
        everyScript.addAll(SETTLED);
        everyScript.add("quit");

        RagftProcess.Result adaptive = RagftProcess.runWithInput(lines(adaptiveScript), "--draft", dir.resolve("d.json").toString());
        RagftProcess.Result every = RagftProcess.runWithInput(lines(everyScript), "--all-questions", "--draft",
                dir.resolve("d.json").toString());

        assertThat(adaptive.exitCode()).as(adaptive.all()).isZero();
        assertThat(every.exitCode()).as(every.all()).isZero();
        String interview = adaptive.stdout().substring(0, adaptive.stdout().indexOf("== Recommendation"));
        assertThat(questions(interview)).isEqualTo(TEN_EXAMPLES.size()).isLessThan(questions(every.stdout()));
        assertThat(interview.replaceAll("\\s+", " ")).contains("19 remaining questions cannot change the outcome (examples_labeled,",
                "type all to answer them anyway.");
        // The trace lists what was skipped and the default used; the analysis replaces the old placeholder.
        assertThat(adaptive.stdout()).contains("  ~ examples_labeled", "  ~ model_size", "skipped, default 7B",
                        "  ~ generation_cost_per_query_usd")
                .contains("== What would change the decision", "No answer to these changes it on its own:", "Break-even month:")
                .contains("then what would change it");
        assertThat(every.stdout()).doesNotContain("cannot change the outcome", "skipped, default");
        // Saved as answered only what was asked; `all` then asks the rest and the recommendation stands.
        assertThat(Files.readString(saved)).contains("\"training_examples\": 10").doesNotContain("model_size", "horizon_months");
        String afterAll = adaptive.stdout().substring(adaptive.stdout().indexOf("ragft> all"));
        assertThat(afterAll).contains("Use the guide's default costs for a 7B model?", "with every question answered:",
                "recommendation: unchanged, RAG");
        assertThat(every.stdout()).contains("RAG   confidence");
    }

    private static long questions(String output) {
        return output.lines().filter(line -> line.matches("\\[\\d+/\\d+\\] .*")).count();
    }

    @Test
    void inATerminalCtrlCSavesADraftAndResumeFinishesWithTheSameResult() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path draft = dir.resolve("draft.json");
        try (Tmux tmux = Tmux.start(RagftProcess.command("--all-questions", "--draft", draft.toString()), dir)) {
            tmux.waitFor("[1/");
            for (int i = 0; i < 7; i++) {
                tmux.waitFor("[" + (i + 1) + "/");
                tmux.type(ANSWERS.get(i));
            }
            tmux.waitFor("[8/");
            tmux.keys("C-c");
            String screen = tmux.waitFor("[exit 130]");
            assertThat(screen).contains("Interrupted. Answers so far saved to " + draft);
        }
        assertThat(Files.readString(draft)).contains("\"latency_sensitivity\": \"MEDIUM\"");

        Path resumed = dir.resolve("resumed.json");
        String result;
        try (Tmux tmux = Tmux.start(RagftProcess.command("--all-questions", "--resume", draft.toString()), dir)) {
            tmux.waitFor("[8/");
            for (int i = 7; i < ANSWERS.size(); i++) {
                tmux.waitFor("[" + (i + 1) + "/");
                tmux.type(ANSWERS.get(i));
            }
            tmux.waitFor("ragft> ");
            tmux.type("save " + resumed);
            tmux.waitFor("answers written to");
            result = tmux.screen();
            tmux.type("quit");
            tmux.waitFor("[exit 0]");
        }
        assertThat(result).contains("RAG", "confidence MEDIUM", "Cumulative cost over 24 months");

        // The uninterrupted consultation gives the same answers and the same recommendation.
        Path straight = dir.resolve("straight.json");
        List<String> script = new ArrayList<>(ANSWERS);
        script.add("save " + straight);
        RagftProcess.Result run = RagftProcess.runWithInput(lines(script), "--all-questions");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readString(resumed)).isEqualTo(Files.readString(straight));
        assertThat(run.stdout()).contains("RAG   confidence MEDIUM");
    }

    @Test
    void inATerminalKeysTypedBeforeTheConsoleIsReadyAreKeptAndTheAnswerShownOnce() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path draft = dir.resolve("draft.json");
        try (Tmux tmux = Tmux.start(RagftProcess.command("--all-questions", "--draft", draft.toString()), dir)) {
            // Typed at once: before the first question, or while it is shown and JLine is still opening.
            tmux.type("weekly");
            String screen = tmux.waitFor("[2/");
            assertThat(Tmux.occurrences(screen, "(1-4 or a value) >")).as(screen).isEqualTo(1);
            assertThat(screen).contains("(1-4 or a value) > weekly");
            tmux.type("quit");
            tmux.waitFor("[exit 0]");
        }
        assertThat(Files.readString(draft)).contains("\"knowledge_change\": \"WEEKLY\"");
    }

    @Test
    void inATerminalReloadKeepsTheLastGoodRulesAfterABrokenEdit() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path rules = RulesCopy.of(dir);
        try (Tmux tmux = Tmux.start(RagftProcess.command("--all-questions", "--rules", rules.toString(), "--draft",
                dir.resolve("draft.json").toString()), dir, "NO_COLOR=1")) {
            for (int i = 0; i < ANSWERS.size(); i++) {
                tmux.waitFor("[" + (i + 1) + "/");
                tmux.type(ANSWERS.get(i));
            }
            tmux.waitFor("ragft> ");
            Path broken = rules.resolve("20-when-to-use-rag.drl");
            Files.writeString(broken, "\nrule \"half-written\"\nwhen\n    Profile( knowledgeChange == )\nthen\nend\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            tmux.type("reload");
            String screen = tmux.waitFor("Kept the last good rules");
            assertThat(screen).containsPattern("20-when-to-use-rag\\.drl:\\d+:\\d+");

            tmux.type("what-if monthly_queries=2M");
            tmux.waitFor("what if monthly_queries=2M:");
            tmux.waitFor("criteria that moved:");
            tmux.type("how rag.frequent-data-changes");
            tmux.waitFor("Answers it looked at: knowledge_change = WEEKLY");
            tmux.type("quit");
            tmux.waitFor("[exit 0]");
        }
    }
}
