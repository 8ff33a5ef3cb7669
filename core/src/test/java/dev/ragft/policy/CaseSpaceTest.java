package dev.ragft.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSource;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.testing.RulesCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exhaustive check's cases: values follow the rules' splits, the product is complete, the pairs are all there. */
class CaseSpaceTest {

    static final Questionnaire QUESTIONNAIRE = Questionnaire.load(Path.of("questionnaires/advisor.json"));

    static final RuleBase SHIPPED = compile(Path.of("rules"));

    static RuleBase compile(Path rules) {
        try {
            return RuleBase.compile(RuleSource.fromDirectory(rules));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static CaseSpace.Dimension dimension(CaseSpace space, String id) {
        return java.util.stream.Stream.concat(space.crossed().stream(), space.paired().stream())
                .filter(d -> d.question().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void numericAnswersSitOnEitherSideOfEverySplitTheRulesMake() {
        CaseSpace space = CaseSpace.standard(QUESTIONNAIRE, SHIPPED);
        // trainingExamples: == 0 and > 0, < 100, < 1000, >= 10000; each split s gives s - 1 and s.
        assertThat(dimension(space, "training_examples").values()).containsExactly(0L, 1L, 99L, 100L, 999L, 1000L, 9999L, 10000L);
        assertThat(dimension(space, "monthly_queries").values()).containsExactly(1L, 9999L, 10000L, 1_000_000L);
        // latencyBudgetMs <= 200 and <= 2000: the truth changes between 200 and 201, 2000 and 2001.
        assertThat(dimension(space, "latency_budget_ms").values()).containsExactly(1L, 200L, 201L, 2000L, 2001L, null);
        // retrainsPerYear <= 0, < 2 and >= 12, and the freshness bands' edges of the staleness ratio derived from
        // it ((365 / r) / days between changes against 1.5, 3, 6 and 12: monthly facts at 3, 5, 9 and 2, weekly
        // at 9, 18, 35 and 5, daily at 31; the others beyond 52).
        assertThat(dimension(space, "retrains_per_year").values()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 8L, 9L, 11L,
                12L, 17L, 18L, 30L, 31L, 34L, 35L, null);
    }

    /** A renamed key with a new value, and a new rule with a threshold of its own, move the cases with them. */
    @Test
    void policyEditsMoveTheCases(@TempDir Path tmp) throws Exception {
        Path rules = RulesCopy.of(tmp);
        RulesCopy.edit(rules, "policy.properties", "volume.monthly-queries = 10000", "volume.high-queries = 50000");
        String drl = Files.readString(rules.resolve("40-cost-analysis.drl")).replace("volume.monthly-queries", "volume.high-queries");
        Files.writeString(rules.resolve("40-cost-analysis.drl"), drl);
        Files.writeString(rules.resolve("41-extra.drl"), """
                package dev.ragft.rules;
                import dev.ragft.facts.Profile;
                import dev.ragft.facts.Policy;
                import dev.ragft.facts.Caveat;
                import dev.ragft.facts.Severity;
                rule "Caveat: very low volume"
                    @criterion("cost.volume-rule-of-thumb") @section("Cost analysis")
                when
                    Profile(monthlyQueries < 500)
                then
                    insertLogical(new Caveat("cost.low-volume", Severity.INFO, "Very low volume"));
                end
                """);
        CaseSpace raised = CaseSpace.standard(QUESTIONNAIRE, compile(rules));
        assertThat(dimension(raised, "monthly_queries").values()).containsExactly(1L, 499L, 500L, 49999L, 50000L, 5_000_000L);
    }

    @Test
    void enumsIncludeUnansweredOnlyWhereThatDiffersFromADefault() {
        CaseSpace space = CaseSpace.standard(QUESTIONNAIRE, SHIPPED);
        assertThat(dimension(space, "domain_consistency").values()).containsExactly("CONSISTENT", "EVOLVING", null);
        assertThat(dimension(space, "knowledge_change").values()).containsExactly("RARELY", "MONTHLY", "WEEKLY", "DAILY");
        assertThat(dimension(space, "model_size").values()).containsExactly("7B", "70B", "405B");
    }

    @Test
    void theCrossedProductIsNearAQuarterMillionAndEveryPairOfValuesOccurs() {
        CaseSpace space = CaseSpace.standard(QUESTIONNAIRE, SHIPPED);
        assertThat(space.size()).isEqualTo(221_184L);
        assertThat(space.pairsMissing()).isEmpty();
        assertThat(space.answers(0)).containsEntry("knowledge_change", "RARELY")
                .containsEntry("domain_consistency", "CONSISTENT");
        assertThat(space.answers(space.size() - 1)).containsEntry("model_size", "405B")
                .containsKey("inference_monthly_usd").doesNotContainKey("domain_consistency");
    }
}
