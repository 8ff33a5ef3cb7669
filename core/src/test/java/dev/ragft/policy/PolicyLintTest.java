package dev.ragft.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.RulesCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint of {@code rules check} on the real rules and on edited copies of them. */
class PolicyLintTest {

    static final Questionnaire QUESTIONNAIRE = Questionnaire.load(Path.of("questionnaires/advisor.json"));

    @TempDir
    Path tmp;

    static List<Problem> lint(Path rules) throws IOException {
        return PolicyLint.lint(RuleBase.compile(RuleSource.fromDirectory(rules)), QUESTIONNAIRE);
    }

    static List<String> errors(List<Problem> problems) {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).map(Problem::toString).toList();
    }

    @Test
    void theShippedRulesHaveNoErrors() throws IOException {
        assertThat(errors(lint(Path.of("rules")))).isEmpty();
    }

    @Test
    void aRuleWithoutCriterionMetadataIsReportedAtItsLine() throws IOException {
        Path rules = RulesCopy.of(tmp);
        Files.writeString(rules.resolve("35-extra.drl"), """
                package dev.ragft.rules;

                import dev.ragft.facts.Profile;

                rule "An extra rule with no criterion"
                    @section("When to choose RAG")
                when
                    Profile(auditTrailRequired == true)
                then
                end
                """);
        assertThat(errors(lint(rules))).containsExactly(rules.resolve("35-extra.drl")
                + ":5:1: error: rule \"An extra rule with no criterion\" has no @criterion(\"<catalog id>\") metadata;"
                + " use a criterion id from the catalog, or \"decision\" for a decision rule");
    }

    @Test
    void anUnknownCriterionAndAMissingSectionAreErrors() throws IOException {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "60-speed.drl", "@criterion(\"speed.retrieval-overhead\") @section(\"Speed comparison\")",
                "@criterion(\"speed.retrieval-overhead\")");
        assertThat(errors(lint(rules))).anySatisfy(e -> assertThat(e).contains("60-speed.drl:").contains("has no @section"));

        // A criterion that is not in the catalog has no weight either: the rules no longer load (a rule that
        // fired would fail), and the load error points at the rule and the likely id.
        RulesCopy.edit(rules, "60-speed.drl", "@criterion(\"speed.retrieval-overhead\")",
                "@criterion(\"speed.retreival-overhead\")");
        assertThatThrownBy(() -> lint(rules)).isInstanceOf(RulesException.class)
                .satisfies(e -> assertThat(((RulesException) e).errors()).map(RuleError::toString)
                        .anySatisfy(error -> assertThat(error).startsWith(rules.resolve("60-speed.drl") + ":12:1: rule")
                                .contains("makes findings for criterion 'speed.retreival-overhead', which has no weight")
                                .endsWith("or did you mean @criterion(\"speed.retrieval-overhead\")?")));

        // With its weight, the lint names it as an unknown criterion and suggests the catalog's.
        RulesCopy.edit(rules, "policy.properties", "weight.speed.retrieval-overhead = 1",
                "weight.speed.retrieval-overhead = 1\nweight.speed.retreival-overhead = 1");
        assertThat(errors(lint(rules))).anySatisfy(e -> assertThat(e).contains("60-speed.drl:")
                .contains("@criterion(\"speed.retreival-overhead\"), which is not in the criteria catalog;"
                        + " did you mean 'speed.retrieval-overhead'?"));
    }

    @Test
    void aCatalogCriterionWithNoRuleIsReported() throws IOException {
        Path rules = RulesCopy.of(tmp);
        // Every rule of ops.incremental-drift now claims another criterion: nothing produces it any more.
        Path faq = rules.resolve("70-faq.drl");
        Files.writeString(faq, Files.readString(faq).replace("@criterion(\"ops.incremental-drift\")",
                "@criterion(\"ops.retraining-cadence\")"));
        assertThat(errors(lint(rules))).singleElement().asString()
                .startsWith("questionnaires/advisor.json:")
                .contains("catalog criterion 'ops.incremental-drift' is produced by no rule");
    }

    @Test
    void policyValuesAreCheckedForPresenceTypeRangeAndOrder() throws IOException {
        Path rules = RulesCopy.of(tmp);
        Path policy = rules.resolve("policy.properties");
        String text = Files.readString(policy)
                .replace("cost.parity-band = 0.10", "cost.parity-band = 10")
                .replace("training.reliable-examples = 1000", "training.reliable-examples = 50")
                .replace("confidence.medium-margin = 0.12", "confidence.medium-margin = 0.5")
                .replace("summary.deciding-criteria = 3", "summary.deciding-criteria = 2.5")
                + "\nvolume.monthly-querys = 5\n";
        Files.writeString(policy, text);
        List<Problem> problems = lint(rules);
        assertThat(errors(problems)).anySatisfy(e -> assertThat(e).contains("'cost.parity-band' is 10; it must be a fraction from 0 to 1"))
                .anySatisfy(e -> assertThat(e).contains("'training.reliable-examples' (50) must be greater than"
                        + " 'training.minimum-examples' (100"))
                .anySatisfy(e -> assertThat(e).contains("'confidence.high-margin' (0.3) must be greater than"
                        + " 'confidence.medium-margin' (0.5"))
                .anySatisfy(e -> assertThat(e).contains("'summary.deciding-criteria' is 2.5; it must be a whole number"));
        assertThat(problems).filteredOn(p -> p.severity() == Problem.Severity.WARNING).map(Problem::toString)
                .anySatisfy(w -> assertThat(w).contains("policy.properties:").contains(": warning: 'volume.monthly-querys'"
                        + " is not used by any rule; did you mean 'volume.monthly-queries'?"));
        assertThat(errors(problems)).allSatisfy(e -> assertThat(e).startsWith(policy.toString()));
    }

    @Test
    void aMissingWeightIsALoadErrorAtEveryRuleThatNeedsIt() throws IOException {
        // Once only the lint's (line 0 of policy.properties); now the rules do not load, so no consultation
        // can reach the rule and fail on it.
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "policy.properties", "weight.data.labeling = 1\n", "");
        assertThatThrownBy(() -> lint(rules)).isInstanceOf(RulesException.class).satisfies(e -> {
            List<RuleError> errors = ((RulesException) e).errors();
            assertThat(errors).isNotEmpty().allSatisfy(error -> {
                assertThat(error.file()).isEqualTo(rules.resolve("70-faq.drl"));
                assertThat(error.line()).isPositive();
                assertThat(error.message()).containsPattern("^rule \"[^\"]+\" makes findings for criterion 'data.labeling',"
                        + " which has no weight: add 'weight.data.labeling = <0…10>' to ")
                        .endsWith(rules.resolve("policy.properties").toString());
            });
            assertThat(errors).map(RuleError::message)
                    .anySatisfy(m -> assertThat(m).startsWith("rule \"Labeled examples allow supervised fine-tuning\""));
        });
    }

    @Test
    void aKeyNamedOnlyInACommentIsNeitherRequiredNorUsed() throws IOException {
        Path rules = RulesCopy.of(tmp);
        Files.writeString(rules.resolve("35-extra.drl"), """
                package dev.ragft.rules;
                // An old rule read threshold("volume.retired-queries"); it is gone.
                /* and weight("retired.criterion") too */
                """);
        RulesCopy.edit(rules, "policy.properties", "volume.monthly-queries = 10000",
                "volume.monthly-queries = 10000\n# a comment\nvolume.retired-queries = 5");
        List<Problem> problems = lint(rules);
        assertThat(errors(problems)).isEmpty();
        assertThat(problems).map(Problem::toString).anySatisfy(w -> assertThat(w)
                .contains("warning: 'volume.retired-queries' is not used by any rule"));
    }

    @Test
    void aRuleThatChangesAnInputFactIsAnError() throws IOException {
        Path rules = RulesCopy.of(tmp);
        Files.writeString(rules.resolve("35-extra.drl"), """
                package dev.ragft.rules;

                import dev.ragft.facts.Profile;
                import dev.ragft.facts.Policy;

                rule "Sneaky edit of the answers"
                    @criterion("rag.audit-trail") @section("When to choose RAG")
                when
                    $profile : Profile(auditTrailRequired == true)
                    $policy : Policy()
                then
                    // modify($profile) in a comment is not a finding
                    String note = "delete($profile)";
                    delete($profile);
                    new java.util.Date().setTime(1L);
                end
                """);
        assertThat(errors(lint(rules))).containsExactly(
                rules.resolve("35-extra.drl") + ":14:1: error: rule \"Sneaky edit of the answers\" calls delete($profile)"
                        + " on the input fact Profile; rules read the answers, costs and policy, and never change them",
                rules.resolve("35-extra.drl") + ":15:1: error: rule \"Sneaky edit of the answers\" calls a setter"
                        + " (setTime); facts are immutable, and input facts must never change");
    }
}
