package dev.ragft.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.Flip;
import dev.ragft.engine.Engine;
import dev.ragft.facts.Strategy;
import dev.ragft.testing.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CounterfactualsTest {

    static List<Fixtures.Consultation> consultations() {
        return Fixtures.consultations();
    }

    /** Every reported flip is confirmed through the full engine, and every numeric one is a true threshold. */
    @ParameterizedTest
    @MethodSource("consultations")
    void everyFlipIsExactThroughTheFullEngine(Fixtures.Consultation consultation) {
        Engine engine = Fixtures.engine();
        Advice advice = engine.advise(consultation.answers());
        Analysis analysis = Counterfactuals.analyze(engine, advice);
        assertThat(analysis.strategy()).isEqualTo(advice.strategy());
        for (Flip flip : analysis.flips()) {
            assertThat(flip.strategy()).as(flip.text()).isNotEqualTo(advice.strategy());
            Strategy past = engine.advise(advice.answers().with(flip.question(), flip.to())).strategy();
            assertThat(past).as("just past: " + flip.text()).isEqualTo(flip.strategy());
            if (flip.direction().equals("set")) {
                continue;
            }
            Object shortOf = step(flip.to(), flip.direction().equals("above") ? -1 : 1);
            Strategy before = engine.advise(advice.answers().with(flip.question(), shortOf)).strategy();
            assertThat(before).as("just short (" + shortOf + "): " + flip.text()).isEqualTo(advice.strategy());
        }
        // Flips come smallest change first.
        assertThat(analysis.flips()).extracting(Flip::distance).isSorted();
        assertThat(analysis.crossover()).hasSize(2);
    }

    /** One step of the flip's precision away: 1 for whole numbers, the last decimal place for amounts. */
    private static Object step(Object value, int sign) {
        if (value instanceof Long number) {
            return number + sign;
        }
        BigDecimal amount = (BigDecimal) value;
        return amount.add(BigDecimal.ONE.movePointLeft(amount.scale()).multiply(BigDecimal.valueOf(sign)));
    }

    @Test
    void theVolumeFixtureFlipsOnMonthlyQueries() {
        Engine engine = Fixtures.engine();
        Fixtures.Consultation volume = Fixtures.consultations().stream()
                .filter(c -> c.name().endsWith("volume-flip.json")).findFirst().orElseThrow();
        Advice advice = engine.advise(volume.answers());
        Analysis analysis = Counterfactuals.analyze(engine, advice);
        assertThat(advice.strategy()).isEqualTo(Strategy.FINE_TUNE);
        Flip first = analysis.flips().get(0);
        assertThat(first.question()).isEqualTo("monthly_queries");
        assertThat(first.direction()).isEqualTo("below");
        assertThat(first.strategy()).isEqualTo(Strategy.RAG);
        assertThat(first.text()).isEqualTo("monthly_queries at or below " + String.format("%,d", (Long) first.to())
                + " (now 3,000) → RAG");
        assertThat(analysis.stable()).contains("hosting_infrastructure");
        // Issue 11: monthly knowledge with widely varied queries is RAG's case (it was "stable" before).
        assertThat(analysis.flips()).anySatisfy(flip -> {
            assertThat(flip.question()).isEqualTo("query_variety");
            assertThat(flip.strategy()).isEqualTo(Strategy.RAG);
        });
    }

    @Test
    void fewExamplesLeaveOnlyTheTrainingDataAsAWayOut() {
        Engine engine = Fixtures.engine();
        Fixtures.Consultation few = Fixtures.consultations().stream()
                .filter(c -> c.name().endsWith("few-examples.json")).findFirst().orElseThrow();
        Analysis analysis = Counterfactuals.analyze(engine, engine.advise(few.answers()));
        assertThat(analysis.flips()).extracting(Flip::question).containsExactly("training_examples");
        assertThat(analysis.flips().get(0).to()).isEqualTo(100L);
        assertThat(analysis.flips().get(0).direction()).isEqualTo("above");
    }
}
