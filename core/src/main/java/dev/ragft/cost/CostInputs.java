package dev.ragft.cost;

import java.math.BigDecimal;

/**
 * Everything the cost model needs, in dollars, with defaults already resolved.
 *
 * @param horizonMonths H, 1 … 120
 * @param monthlyQueries Q, ≥ 1
 * @param retrainsPerYear r, 0 … 52
 * @param selfHostedRag whether RAG runs on your own infrastructure (required on premises): its model is
 *     then served like the fine-tuned one, for {@code inferenceMonthlyUsd} a month, beside the per-query
 *     prices (which the questionnaire sets to 0 when they were not given)
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
        BigDecimal generationCostPerQueryUsd,
        boolean selfHostedRag) {

    /** Inputs for RAG through managed services (a hosted vector database and a model API). */
    public CostInputs(int horizonMonths, long monthlyQueries, int retrainsPerYear, BigDecimal fineTuneCostUsd,
                      BigDecimal dataPrepCostUsd, BigDecimal inferenceMonthlyUsd, BigDecimal vectorDbMonthlyUsd,
                      BigDecimal retrievalCostPerQueryUsd, BigDecimal generationCostPerQueryUsd) {
        this(horizonMonths, monthlyQueries, retrainsPerYear, fineTuneCostUsd, dataPrepCostUsd, inferenceMonthlyUsd,
                vectorDbMonthlyUsd, retrievalCostPerQueryUsd, generationCostPerQueryUsd, false);
    }

    /** The same inputs with RAG self-hosted or not. */
    public CostInputs withSelfHostedRag(boolean selfHosted) {
        return new CostInputs(horizonMonths, monthlyQueries, retrainsPerYear, fineTuneCostUsd, dataPrepCostUsd,
                inferenceMonthlyUsd, vectorDbMonthlyUsd, retrievalCostPerQueryUsd, generationCostPerQueryUsd, selfHosted);
    }

    /** RAG's fixed monthly cost: the vector database, plus serving its own model when self-hosted. */
    public BigDecimal ragFixedMonthlyUsd() {
        return selfHostedRag ? vectorDbMonthlyUsd.add(inferenceMonthlyUsd) : vectorDbMonthlyUsd;
    }
}
