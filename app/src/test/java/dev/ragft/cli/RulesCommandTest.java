package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ragft rules check|test|diff} through the real CLI process, on copies of the real rules. */
class RulesCommandTest {

    static final Path SCENARIOS = Path.of("core/src/test/resources/policy/scenarios");
    static final Path ANSWERS = Path.of("core/src/test/resources/policy/answers");

    @TempDir
    Path tmp;

    @Test
    void theShippedRulesCheckCleanly() {
        RagftProcess.Result result = RagftProcess.run("rules", "check");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("0 errors");
    }

    @Test
    void aBrokenDrlIsReportedAsFileLineColumnWithExitThree() throws IOException {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "60-speed.drl", "Profile(latencyBudgetMs == null, latencySensitivity == null)",
                "Profile(latencyBudgetMs == null, latencySensitivity == null");
        RagftProcess.Result result = RagftProcess.run("rules", "check", "--rules", rules.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.stdout()).containsPattern(Path.of(rules.toString(), "60-speed.drl").toString().replace(".", "\\.")
                + ":\\d+:\\d+: error: ").doesNotContain("src/main/resources").doesNotContain("Exception");
        assertThat(result.stdout()).contains("cannot be loaded (");
    }

    @Test
    void rulesTestFailsWithExitFourAndShowsWhatWasExpected() throws IOException {
        Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            for (Path file : files.toList()) {
                Files.copy(file, scenarios.resolve(file.getFileName()));
            }
        }
        Files.copy(ANSWERS.resolve("saved-answers.json"), scenarios.resolve("saved-answers.json"));
        Path changed = scenarios.resolve("few-examples.json");
        Files.writeString(changed, Files.readString(changed).replace("\"strategy\": \"RAG\"", "\"strategy\": \"HYBRID\""));

        RagftProcess.Result result = RagftProcess.run("rules", "test", "--scenarios", scenarios.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(result.stdout()).containsPattern("FAIL  few-examples\\.json +RAG HIGH\\n +strategy +expected HYBRID +got RAG\\n")
                .containsPattern("PASS  small-company\\.json +FINE_TUNE")
                .containsPattern("PASS  mid-volume\\.json +RAG LOW")
                .contains("rules test: 2 passed, 1 failed, 1 without expectation (skipped)");
    }

    @Test
    void rulesDiffListsExactlyTheConsultationsAnEditChanges() throws IOException {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "policy.properties", "volume.monthly-queries = 10000", "volume.monthly-queries = 50000");

        RagftProcess.Result result = RagftProcess.run("rules", "diff", "--base", "rules", "--rules", rules.toString(),
                "--consultations", SCENARIOS.toString(), "--consultations", ANSWERS.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("policy volume.monthly-queries: 10000 -> 50000")
                .containsPattern("CHANGED  mid-volume\\.json +RAG LOW -> RAG MEDIUM\\n +cost\\.volume-rule-of-thumb +FINE_TUNE 1 -> RAG 1\\n")
                .contains("rules diff: 1 of 4 change strategy or confidence")
                .doesNotContain("CHANGED  few-examples").doesNotContain("CHANGED  small-company")
                .doesNotContain("CHANGED  saved-answers");
    }
}
