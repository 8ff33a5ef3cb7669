package dev.ragft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.testing.RagftProcess;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules that compile but misbehave, through the real CLI process on edited copies of the real rules:
 * each is reported with exit code 3, the rule's name and {@code file:line} in the copy (never
 * {@code rules/...}), no stack trace, and the process ends (the process helper gives up after two
 * minutes). Loops run under {@code --time-limit 3} so the test does not wait the default ten seconds.
 */
class RuleFaultsTest {

    static final String EXAMPLE = "questionnaires/examples/small-company.json";

    @TempDir
    Path tmp;

    /**
     * A copy of the real rules in a folder not called {@code rules}, so that a message naming
     * {@code rules/policy.properties} instead of the real folder shows.
     */
    Path copy() throws IOException {
        return Files.move(RulesCopy.of(tmp), tmp.resolve("team-policy"));
    }

    /** A copy of the rules with one more file, {@code 99-fault.drl}, holding {@code rules}. */
    Path withFault(String rules) throws IOException {
        Path copy = copy();
        Files.writeString(copy.resolve("99-fault.drl"), """
                package dev.ragft.rules;

                import dev.ragft.facts.Profile;

                declare Counter
                    n : int
                end

                """ + rules);
        return copy;
    }

    static final String THROWS = """
            rule "Faulty: throws"
                @criterion("decision") @section("Decision")
            when
                Profile()
            then
                String nothing = null;
                if (nothing == null) {
                    throw new IllegalStateException("boom");
                }
            end
            """;

    static final String LOOPS = """
            rule "Faulty: loops"
                @criterion("decision") @section("Decision")
            when
                Profile()
            then
                long turns = 0;
                while (true) {
                    turns++;
                }
            end
            """;

    static final String INSERTS_FOREVER = """
            rule "Faulty: starts counting"
                @criterion("decision") @section("Decision")
            when
                Profile()
            then
                insert(new Counter(0));
            end

            rule "Faulty: inserts forever"
                @criterion("decision") @section("Decision")
            when
                Counter($n : n)
            then
                insert(new Counter($n + 1));
            end
            """;

    static void assertReported(RagftProcess.Result result, Path rules, String file, String ruleName, int line) {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        String where = rules.resolve(file) + ":" + line + ":";
        assertThat(result.all()).as(result.all()).contains(where).contains("rule \"" + ruleName + "\"")
                .doesNotContain("\tat ").doesNotContain("Exception in thread").doesNotContain("OutOfMemoryError")
                .doesNotContain("rules/policy.properties").doesNotContain("internal error");
    }

    @Test
    void aRuleThatThrowsIsExitThreeWithItsNameFileLineAndTheAnswers() throws IOException {
        Path rules = withFault(THROWS);
        RagftProcess.Result advise = RagftProcess.run("advise", "--rules", rules.toString(), EXAMPLE);
        assertReported(advise, rules, "99-fault.drl", "Faulty: throws", 9);
        assertThat(advise.stderr()).contains("threw IllegalStateException: boom")
                .containsPattern("on the answers: .*monthly_queries=1000\\b");

        RagftProcess.Result check = RagftProcess.run("rules", "check", "--rules", rules.toString());
        assertReported(check, rules, "99-fault.drl", "Faulty: throws", 9);
        assertThat(check.stdout()).contains("on the smoke consultation");
    }

    @Test
    void aRuleThatLoopsIsStoppedAtTheTimeLimitAndReported() throws IOException {
        Path rules = withFault(LOOPS);
        RagftProcess.Result advise = RagftProcess.run("advise", "--time-limit", "3", "--rules", rules.toString(), EXAMPLE);
        assertReported(advise, rules, "99-fault.drl", "Faulty: loops", 9);
        assertThat(advise.stderr()).contains("did not finish within the time limit of 3 s");

        RagftProcess.Result check = RagftProcess.run("rules", "check", "--time-limit", "3", "--rules", rules.toString());
        assertReported(check, rules, "99-fault.drl", "Faulty: loops", 9);
        assertThat(check.stdout()).contains("not run after a rule had to be stopped");
    }

    @Test
    void aRuleThatInsertsForeverIsStoppedBeforeTheMemoryRunsOut() throws IOException {
        Path rules = withFault(INSERTS_FOREVER);
        RagftProcess.Result advise = RagftProcess.run("advise", "--rules", rules.toString(), EXAMPLE);
        assertReported(advise, rules, "99-fault.drl", "Faulty: inserts forever", 17);
        assertThat(advise.stderr()).contains("facts in one consultation (the limit is 100000");

        RagftProcess.Result check = RagftProcess.run("rules", "check", "--rules", rules.toString());
        assertReported(check, rules, "99-fault.drl", "Faulty: inserts forever", 17);
    }

    @Test
    void aMissingWeightIsALoadErrorAtTheRulesThatNeedIt() throws IOException {
        Path rules = copy();
        RulesCopy.edit(rules, "policy.properties", "weight.data.labeling = 1\n", "");
        int line = lineOf(rules.resolve("70-faq.drl"), "rule \"Labeled examples allow supervised fine-tuning\"");
        for (String[] args : new String[][] {{"rules", "check"}, {"advise", EXAMPLE}}) {
            RagftProcess.Result result = RagftProcess.run(concat(args, "--rules", rules.toString()));
            assertReported(result, rules, "70-faq.drl", "Labeled examples allow supervised fine-tuning", line);
            assertThat(result.all()).contains("makes findings for criterion 'data.labeling', which has no weight: add"
                    + " 'weight.data.labeling = <0…10>' to " + rules.resolve("policy.properties"));
        }
    }

    @Test
    void aMissingPolicyKeyIsALoadErrorAtTheRuleThatUsesIt() throws IOException {
        Path rules = copy();
        RulesCopy.edit(rules, "policy.properties", "volume.monthly-queries = 10000", "volume.high-queries = 30000");
        RagftProcess.Result result = RagftProcess.run("rules", "check", "--rules", rules.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.stdout()).containsPattern(Pattern.quote(rules.resolve("40-cost-analysis.drl").toString())
                        + ":\\d+:\\d+: error: rule \"[^\"]+\" uses threshold 'volume.monthly-queries', which "
                        + Pattern.quote(rules.resolve("policy.properties").toString()) + " does not define")
                .doesNotContain("rules/policy.properties").doesNotContain("\tat ");
    }

    @Test
    void aMissingDecisionLayerIsALoadErrorNotAFailureOfEachConsultation() throws IOException {
        Path rules = copy();
        Files.delete(rules.resolve("90-decision.drl"));
        for (String[] args : new String[][] {{"rules", "check"}, {"advise", EXAMPLE}}) {
            RagftProcess.Result result = RagftProcess.run(concat(args, "--rules", rules.toString()));
            assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
            assertThat(result.all()).contains(rules + ":0:0: ").contains("no rule makes a Recommendation: the decision"
                    + " layer is missing").doesNotContain("\tat ").doesNotContain("internal error");
        }
    }

    static int lineOf(Path file, String text) throws IOException {
        String[] lines = Files.readString(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " no longer contains " + text);
    }

    static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
