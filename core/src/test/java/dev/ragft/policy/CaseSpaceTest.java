package dev.ragft.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.facts.Policy;
import dev.ragft.questionnaire.Questionnaire;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exhaustive check's cases: values follow the policy, the product is complete, the pairs are all there. */
class CaseSpaceTest {

    static final Questionnaire QUESTIONNAIRE = Questionnaire.load(Path.of("questionnaires/advisor.json"));

    static Policy policy(Map<String, Double> overrides) {
        Map<String, Double> values = new java.util.HashMap<>(Map.of(
                "training.minimum-examples", 100.0, "training.reliable-examples", 1000.0,
                "training.excellent-examples", 10000.0, "volume.monthly-queries", 10000.0,
                "latency.vector-search-ms", 200.0, "latency.slow-hosted-overhead-ms", 2000.0,
                "retraining.frequent-per-year", 12.0));
        values.putAll(overrides);
        return new Policy(values);
    }

    static CaseSpace.Dimension dimension(CaseSpace space, String id) {
        return java.util.stream.Stream.concat(space.crossed().stream(), space.paired().stream())
                .filter(d -> d.question().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void numericAnswersSitOnEitherSideOfEveryThreshold() {
        CaseSpace space = CaseSpace.standard(QUESTIONNAIRE, policy(Map.of()));
        assertThat(dimension(space, "training_examples").values()).containsExactly(0L, 99L, 100L, 999L, 1000L, 9999L, 10000L, 10001L);
        assertThat(dimension(space, "monthly_queries").values()).containsExactly(1L, 9999L, 10000L, 1_000_000L);
        assertThat(dimension(space, "latency_budget_ms").values()).containsExactly(1L, 199L, 200L, 1999L, 2000L, 2001L, null);

        CaseSpace raised = CaseSpace.standard(QUESTIONNAIRE, policy(Map.of("volume.monthly-queries", 50000.0)));
        assertThat(dimension(raised, "monthly_queries").values()).containsExactly(1L, 49999L, 50000L, 5_000_000L);
    }

    @Test
    void enumsIncludeUnansweredOnlyWhereThatDiffersFromADefault() {
        CaseSpace space = CaseSpace.standard(QUESTIONNAIRE, policy(Map.of()));
        assertThat(dimension(space, "domain_consistency").values()).containsExactly("CONSISTENT", "EVOLVING", null);
        assertThat(dimension(space, "knowledge_change").values()).containsExactly("RARELY", "MONTHLY", "WEEKLY", "DAILY");
        assertThat(dimension(space, "model_size").values()).containsExactly("7B", "70B", "405B");
    }

    @Test
    void theCrossedProductIsNearAQuarterMillionAndEveryPairOfValuesOccurs() {
        CaseSpace space = CaseSpace.standard(QUESTIONNAIRE, policy(Map.of()));
        assertThat(space.size()).isEqualTo(221_184L);
        assertThat(space.pairsMissing()).isEmpty();
        assertThat(space.answers(0)).containsEntry("knowledge_change", "RARELY")
                .containsEntry("domain_consistency", "CONSISTENT");
        assertThat(space.answers(space.size() - 1)).containsEntry("model_size", "405B")
                .containsKey("inference_monthly_usd").doesNotContainKey("domain_consistency");
    }
}
