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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad answers file, through the real CLI process: exit 2, the field named, no stack trace. */
class AdviseBadInputTest {

    static final String VALID = """
            "knowledge_change": "DAILY", "query_variety": "WIDE", "monthly_queries": 1000,
            "hosting_infrastructure": false, "training_examples": 500""";

    static Stream<Arguments> badAnswers() {
        return Stream.of(
                Arguments.of("malformed JSON", "{" + VALID + ",\n \"model_size\": }", "<stdin>:3:"),
                Arguments.of("unknown key", "{" + VALID + ", \"montly_queries\": 5}", "montly_queries"),
                Arguments.of("likely typo suggests the id", "{" + VALID + ", \"horizon_month\": 5}", "horizon_months"),
                Arguments.of("wrong type", "{" + VALID.replace("1000", "\"lots\"") + "}", "monthly_queries"),
                Arguments.of("out of range", "{" + VALID + ", \"horizon_months\": 500}", "horizon_months"),
                Arguments.of("enum value not allowed", "{" + VALID.replace("\"WIDE\"", "\"SOME\"") + "}", "query_variety"),
                Arguments.of("non-finite number", "{" + VALID + ", \"vector_db_monthly_usd\": NaN}", "vector_db_monthly_usd"),
                Arguments.of("missing required answer", "{" + VALID.replace("\"training_examples\": 500", "\"model_size\": \"7B\"") + "}",
                        "training_examples"),
                Arguments.of("405B without inference cost", "{" + VALID + ", \"model_size\": \"405B\"}", "inference_monthly_usd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void badAnswersExitWithTwoAndNameTheField(String kind, String json, String named) {
        RagftProcess.Result result = RagftProcess.runWithInput(json, "advise", "-");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.stderr()).contains(named);
        assertThat(result.all()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void allErrorsOfAFileAreReportedTogether() {
        RagftProcess.Result result = RagftProcess.runWithInput("{\"monthly_queries\": -1, \"horizon_months\": 0}", "advise", "-");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.stderr()).contains("monthly_queries", "horizon_months", "knowledge_change", "query_variety",
                "hosting_infrastructure", "training_examples");
    }

    @Test
    void missingFileIsBadInput() {
        RagftProcess.Result result = RagftProcess.run("advise", "no-such-answers.json");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.stderr()).contains("no-such-answers.json").contains("no such file");
    }

    @Test
    void badSetValueNamesTheField() {
        RagftProcess.Result result = RagftProcess.runWithInput("{" + VALID + "}", "advise", "--set", "monthly_queries=many", "-");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.stderr()).contains("monthly_queries");
    }

    @Test
    void brokenRuleGivesExitThreeWithFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = RulesCopy.of(dir);
        RulesCopy.edit(rules, "50-quality.drl", "Profile(outOfDomainQueries == OutOfDomain.OFTEN)",
                "Profile(outOfDomainQueries == OutOfDomain.OFTEN");
        RagftProcess.Result result = RagftProcess.runWithInput("{" + VALID + "}", "advise", "--rules", rules.toString(), "-");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.RULES);
        assertThat(result.stderr()).containsPattern("50-quality\\.drl:\\d+:\\d+: ");
        assertThat(result.all()).doesNotContain("\tat ");
    }

    @Test
    void brokenDefaultRulesGiveExitThreeWithFileAndLine(@TempDir Path home) throws IOException {
        // The default rules load early, beside the argument parsing (EarlyRules); their errors must
        // still be reported as the command's own.
        Path rules = RulesCopy.of(home);
        Files.createDirectories(home.resolve("questionnaires"));
        Files.copy(Path.of("questionnaires/advisor.json"), home.resolve("questionnaires/advisor.json"));
        RulesCopy.edit(rules, "50-quality.drl", "Profile(outOfDomainQueries == OutOfDomain.OFTEN)",
                "Profile(outOfDomainQueries == OutOfDomain.OFTEN");
        RagftProcess.Result result = RagftProcess.runInHome(home, "{" + VALID + "}", "advise", "-");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.RULES);
        assertThat(result.stderr()).containsPattern("50-quality\\.drl:\\d+:\\d+: ");
        assertThat(result.all()).doesNotContain("\tat ");
    }

    @Test
    void goodAnswersGiveAReport() {
        RagftProcess.Result result = RagftProcess.runWithInput("{" + VALID + "}", "advise", "-");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("RECOMMENDATION: RAG");
    }
}
