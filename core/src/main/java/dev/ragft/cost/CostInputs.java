package dev.ragft.cost;

import java.math.BigDecimal;

/**
 * Everything the cost model needs, in dollars, with defaults already resolved.
 *
 * @param horizonMonths H, 1 … 120
 * @param monthlyQueries Q, ≥ 1
 * @param retrainsPerYear r, 0 … 52
 */
public record CostInputs(
        int horizonMonths,
        long monthlyQueries,
        int retrainsPerYear,
        BigDecimal fineTuneCostUsd,
        BigDecimal dataPrepCostUsd,
        BigDecimal inferenceMonthlyUsd,
        BigDecimal vectorDbMonthlyUsd,
        BigDecimal retrievalCostPerQueryUsd,
        BigDecimal generationCostPerQueryUsd) {
}
