package dev.ragft.analysis;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The premise the analysis rests on for costs: the cost view (the truth of every comparison the rules make
 * on the cost facts, read from the DRL) tells apart everything the rules react to. For real consultations
 * around every threshold and crossover, the representative of the same view gives the same strategy as
 * the exact cost facts, through the real rules.
 */
class DecisionOracleTest {

    private static final Map<String, List<Object>> PROBES = Map.of(
            "monthly_queries", List.of(1L, 833L, 834L, 909L, 910L, 9_999L, 10_000L, 1_000_000L),
            "training_examples", List.of(0L, 1L, 99L, 100L, 999L, 1_000L, 9_999L, 10_000L),
            "horizon_months", List.of(1L, 2L, 12L, 120L),
            "retrains_per_year", List.of(0L, 1L, 12L, 52L),
            "fine_tune_cost_usd", List.of(new BigDecimal("0"), new BigDecimal("866.66"), new BigDecimal("866.67"),
                    new BigDecimal("5000")),
            "retrieval_cost_per_query_usd", List.of(new BigDecimal("0"), new BigDecimal("0.0233"),
                    new BigDecimal("0.0234"), new BigDecimal("1")));

    @Test
    void equalCostViewsGetEqualStrategiesFromTheRules() {
        Engine engine = Fixtures.engine();
        DecisionOracle oracle = new DecisionOracle(engine.rules());
        assertThat(oracle.costsReadable()).isTrue();
        int checked = 0;
        for (Fixtures.Consultation consultation : Fixtures.consultations()) {
            for (Map.Entry<String, List<Object>> probe : PROBES.entrySet()) {
                for (Object value : probe.getValue()) {
                    ResolvedAnswers resolved = engine.questionnaire().resolve(consultation.answers().with(probe.getKey(), value));
                    CostFacts costs = CostModel.toFacts(CostModel.compute(resolved.costs()));
                    List<CostFacts> representatives = oracle.costRepresentatives(costs);
                    CostFacts same = representatives.stream()
                            .filter(r -> oracle.costView(r).equals(oracle.costView(costs))).findFirst()
                            .orElseThrow(() -> new AssertionError("no representative for the view of " + costs));
                    assertThat(engine.rules().evaluate(resolved.profile(), same).recommendation().strategy())
                            .as(consultation + " with " + probe.getKey() + "=" + value)
                            .isEqualTo(engine.rules().evaluate(resolved.profile(), costs).recommendation().strategy());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** The judge is the rule base itself: the memo answers exactly as a fresh evaluation does. */
    @Test
    void theMemoAnswersAsTheRulesDo() {
        Engine engine = Fixtures.engine();
        DecisionOracle oracle = new DecisionOracle(engine.rules());
        java.util.Set<List<Object>> distinct = new java.util.HashSet<>();
        for (Fixtures.Consultation consultation : Fixtures.consultations()) {
            ResolvedAnswers resolved = engine.questionnaire().resolve(consultation.answers());
            CostFacts costs = CostModel.toFacts(CostModel.compute(resolved.costs()));
            distinct.add(List.of(resolved.profile(), costs));
            for (int i = 0; i < 2; i++) {
                assertThat(oracle.strategy(resolved.profile(), costs)).as(consultation.toString())
                        .isEqualTo(engine.advise(consultation.answers()).strategy());
            }
        }
        // One rule session per distinct fact set, however often it is asked.
        assertThat(oracle.evaluations()).isEqualTo(distinct.size());
    }
}
