package dev.ragft.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.questionnaire.Answers;
import dev.ragft.cost.CostModel;
import dev.ragft.engine.Engine;
import dev.ragft.facts.CostFacts;
import dev.ragft.questionnaire.ResolvedAnswers;
import dev.ragft.testing.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The premise both analyses rest on: the oracle's decision key (numbers bucketed at the policy's
 * thresholds, costs reduced to a region) gives the same strategy as the rules on the exact facts.
 */
class DecisionOracleTest {

    private static final Map<String, List<Object>> PROBES = Map.of(
            "monthly_queries", List.of(1L, 833L, 834L, 909L, 910L, 9_999L, 10_000L, 1_000_000L),
            "training_examples", List.of(0L, 1L, 99L, 100L, 999L, 1_000L, 9_999L, 10_000L),
            "latency_budget_ms", List.of(200L, 201L, 2_000L, 2_001L),
            "retrains_per_year", List.of(1L, 2L, 11L, 12L),
            "horizon_months", List.of(1L, 2L, 12L, 120L),
            "fine_tune_cost_usd", List.of(new BigDecimal("0"), new BigDecimal("866.66"), new BigDecimal("866.67"),
                    new BigDecimal("5000")),
            "retrieval_cost_per_query_usd", List.of(new BigDecimal("0"), new BigDecimal("0.0233"),
                    new BigDecimal("0.0234"), new BigDecimal("1")));

    @Test
    void theDecisionKeyAgreesWithTheRulesOnExactFacts() {
        Engine engine = Fixtures.engine();
        int checked = 0;
        for (Fixtures.Consultation consultation : Fixtures.consultations()) {
            for (Map.Entry<String, List<Object>> probe : PROBES.entrySet()) {
                for (Object value : probe.getValue()) {
                    Answers answers = consultation.answers().with(probe.getKey(), value);
                    ResolvedAnswers resolved = engine.questionnaire().resolve(answers);
                    CostFacts costs = CostModel.toFacts(CostModel.compute(resolved.costs()));
                    // A fresh oracle each time: its memo must not answer for the exact facts.
                    DecisionOracle oracle = new DecisionOracle(engine.rules());
                    assertThat(oracle.strategy(resolved.profile(), costs))
                            .as(consultation + " with " + probe.getKey() + "=" + value)
                            .isEqualTo(engine.rules().evaluate(resolved.profile(), costs).recommendation().strategy());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }
}
