package dev.ragft.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console (a real process, answers piped) with a rule that throws only on answers two changes away
 * from the consultation, so the consultation and its analysis succeed and a what-if reaches the rule:
 * the fault is shown with the rule, file:line, and the results and answers stay usable.
 */
class ConsoleRuleFaultTest {

    @TempDir
    Path dir;

    @Test
    void aWhatIfThatReachesAFaultyRuleShowsItAndKeepsTheResultAndTheAnswers() throws IOException {
        Path rules = Files.move(RulesCopy.of(dir), dir.resolve("team-policy"));
        Files.writeString(rules.resolve("99-fault.drl"), """
                package dev.ragft.rules;

                import dev.ragft.facts.Profile;
                import dev.ragft.facts.KnowledgeChange;

                rule "Faulty: rare changes at scale"
                    @criterion("decision") @section("Decision")
                when
                    Profile(knowledgeChange == KnowledgeChange.RARELY, monthlyQueries >= 5000000)
                then
                    throw new IllegalStateException("boom");
                end
                """);
        Path saved = dir.resolve("answers.json");
        List<String> script = new ArrayList<>(ConsoleProcessTest.ANSWERS);
        script.addAll(List.of("what-if knowledge_change=rarely monthly_queries=9M", "what-if monthly_queries=20k",
                "save " + saved, "quit"));

        RagftProcess.Result run = RagftProcess.runWithInput(String.join("\n", script) + "\n", "--all-questions",
                "--rules", rules.toString(), "--draft", dir.resolve("draft.json").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("== Recommendation")
                .contains("A rule failed on these answers:")
                .contains(rules.resolve("99-fault.drl") + ":6:1: rule \"Faulty: rare changes at scale\" threw"
                        + " IllegalStateException: boom")
                .contains("(the results above and your answers are unchanged)")
                .contains("what if monthly_queries=20k:");
        assertThat(run.all()).doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(Files.readString(saved)).contains("\"knowledge_change\": \"WEEKLY\"", "\"monthly_queries\": 10000");
    }
}
