package dev.ragft.cost;

import dev.ragft.facts.Strategy;
import java.math.BigDecimal;
import java.util.List;

/**
 * One strategy's costs over the horizon, exact to the cent.
 *
 * @param trainings fine-tuning runs within the horizon, the first at month 0 (0 for RAG)
 * @param retrainingUsd (trainings − 1) × fine-tune cost
 * @param perQueryUsd total ÷ (H × Q)
 * @param cumulativeUsd cumulative cost at months 0 … H; the last element equals {@code totalUsd}
 */
public record StrategyCost(
        Strategy strategy,
        BigDecimal upfrontUsd,
        BigDecimal retrainingUsd,
        BigDecimal monthlyUsd,
        BigDecimal totalUsd,
        BigDecimal perQueryUsd,
        int trainings,
        List<BigDecimal> cumulativeUsd) {

    /** Copies the cumulative series. */
    public StrategyCost {
        cumulativeUsd = List.copyOf(cumulativeUsd);
    }
}
