package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ragft.Advisor;
import dev.ragft.questionnaire.Answers;
import dev.ragft.facts.Strategy;
import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user meets around the questions: {@code why} at a question, mistyped values, the follow-up
 * commands after the result, the resume hint, and a saved consultation given back with {@code --answers}.
 * Real processes over the repository's rules; tmux where a terminal matters.
 */
class ConsoleFollowUpTest {

    @TempDir
    Path dir;

    /** The consultation of {@link ConsoleProcessTest#ANSWERS} (RAG, MEDIUM under the calibrated confidence), saved as an answers file. */
    private Answers savedConsultation() throws IOException {
        Path saved = dir.resolve("full.json");
        List<String> script = new ArrayList<>(ConsoleProcessTest.ANSWERS);
        script.addAll(List.of("save " + saved, "quit"));
        RagftProcess.Result run = RagftProcess.runWithInput(String.join("\n", script) + "\n", "--all-questions",
                "--draft", dir.resolve("d.json").toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        return Answers.fromJson(Files.readString(saved), saved.toString());
    }

    @Test
    void whyTellsWhatEachAnswerWouldRecommendAsTheEngineComputesItAndNamesRulesOnlyWhenAsked() throws IOException {
        // With a 70B model a hybrid's cost premium over RAG is too large for style to matter under the calibrated
        // rules; with a 7B model the style answer decides between RAG and a hybrid.
        Answers full = savedConsultation().with("model_size", "7B");
        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, full.without("style_format_needs").toJson());

        RagftProcess.Result run = RagftProcess.runWithInput("why\nwhy rules\nno\nquit\n", "--all-questions",
                "--answers", partial.toString(), "--draft", dir.resolve("d.json").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        String out = run.stdout();
        String why = out.substring(out.indexOf("> why\n"), out.indexOf("> why rules"));
        // The engine itself, on the same answers with each choice: what why must report.
        Advisor advisor = Advisor.fromDirectory(RagftProcess.REPO.resolve("rules"));
        Strategy withYes = advisor.advise(full.with("style_format_needs", true)).strategy();
        Strategy withNo = advisor.advise(full.with("style_format_needs", false)).strategy();
        assertThat(withYes).isNotEqualTo(withNo);
        assertThat(why).contains("This answer feeds", "hybrid.style-plus-fresh-facts",
                        "With each answer, the recommendation would be:")
                .containsPattern("yes +" + withYes + " \\(")
                .containsPattern("no +" + withNo + " \\(")
                .contains("(why rules: the rules behind these criteria)")
                .doesNotContain("rule: ", ".drl");
        String rules = out.substring(out.indexOf("> why rules"));
        assertThat(rules).contains("rule: ", "(30-hybrid.drl)");
    }

    @Test
    void mistypedValuesGetADidYouMeanAndFollowUpsSayNeverAndShowTheTraceAgain() throws IOException {
        Answers full = savedConsultation();
        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, full.without("knowledge_change").toJson());
        String script = String.join("\n", "weeky", "\"WEEKY\"", "weekly", "what-if knowledge_change=daly",
                "what-if monthly_queries=1M", "details", "quit") + "\n";

        RagftProcess.Result run = RagftProcess.runWithInput(script, "--all-questions", "--answers", partial.toString(),
                "--draft", dir.resolve("d.json").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        String out = run.stdout();
        assertThat(out).contains("\"weeky\" is not allowed; did you mean WEEKLY? Choose one of RARELY, MONTHLY, WEEKLY, DAILY")
                .contains("\"WEEKY\" is not allowed; did you mean WEEKLY?")
                .contains("knowledge_change: \"daly\" is not allowed; did you mean DAILY?");
        // A million queries a month makes fine-tuning pay back: the month it did not before is "never", not null.
        String whatIf = out.substring(out.indexOf("what if monthly_queries=1M:"));
        assertThat(whatIf).containsPattern("break-even month never -> \\d+").doesNotContain("null");
        // The closing summary, then details prints the whole trace again.
        assertThat(out).contains("== Summary", "RAG, confidence MEDIUM", "Top reasons:");
        String details = out.substring(out.indexOf("ragft> details"));
        assertThat(details).contains("== Criteria", "== Costs", "== What would change the decision");
    }

    @Test
    void theResumeHintRepeatsTheCommandTheUserRan() throws IOException {
        Path draft = dir.resolve("draft.json");
        RagftProcess.Result run = RagftProcess.runWithJvmOptions(List.of("-D" + Console.LAUNCHER_PROPERTY + "=./ragft"),
                "weekly\n", "--all-questions", "--draft", draft.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.stdout()).contains("Continue with: ./ragft --resume " + draft);
    }

    @Test
    void theDraftFileIsIgnoredByGit() throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(RagftProcess.REPO.resolve(".git")) || Files.isRegularFile(RagftProcess.REPO.resolve(".git")),
                "not a git checkout");
        Process check = new ProcessBuilder("git", "check-ignore", "-q", "ragft-draft.json")
                .directory(RagftProcess.REPO.toFile()).inheritIO().start();
        assertThat(check.waitFor()).as("git check-ignore ragft-draft.json").isZero();
    }

    @Test
    void anUnknownReportFormatIsOneLineNamingTheFormatsAndExitTwo() {
        RagftProcess.Result run = RagftProcess.run("advise", "--format", "pdf", "questionnaires/examples/small-company.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines().toList()).hasSize(1);
        assertThat(run.stderr()).contains("pdf", "text, json, markdown, html", "ragft advise --help").doesNotContain("Usage:");
    }

    @Test
    void inATerminalASavedConsultationGivenBackAsksNothingItsRunSkippedAndTabCompletesValues() throws IOException {
        assumeTrue(Tmux.available(), "tmux is not installed");
        // The adaptive run: ten examples settle everything after them; save keeps only what was asked.
        Path saved = dir.resolve("adaptive.json");
        List<String> script = new ArrayList<>(ConsoleProcessTest.TEN_EXAMPLES);
        script.addAll(List.of("save " + saved, "quit"));
        RagftProcess.Result adaptive = RagftProcess.runWithInput(String.join("\n", script) + "\n", "--draft",
                dir.resolve("d.json").toString());
        assertThat(adaptive.exitCode()).as(adaptive.all()).isZero();
        assertThat(adaptive.stdout()).contains("cannot change the outcome");

        try (Tmux tmux = Tmux.start(RagftProcess.command("--answers", saved.toString(), "--draft",
                dir.resolve("d2.json").toString()), dir)) {
            String screen = tmux.waitFor("ragft>");
            assertThat(screen).doesNotContainPattern("\\[\\d+/\\d+\\]").contains("RAG, confidence");
            tmux.keys("-l", "what-if knowledge_change=");
            tmux.keys("Tab", "Tab");
            String listed = tmux.waitFor("MONTHLY");
            String afterPrompt = listed.substring(listed.lastIndexOf("ragft> what-if knowledge_change="));
            assertThat(afterPrompt).contains("RARELY", "MONTHLY", "WEEKLY", "DAILY").doesNotContain("reload", "monthly_queries");
            tmux.keys("C-u");
            tmux.type("quit");
            tmux.waitFor("[exit 0]");
        }
    }
}
