package dev.ragft.cost;

import java.math.BigDecimal;

/**
 * Everything the cost model needs, in dollars, with defaults already resolved. Each component is named after the
 * question that fills it ({@code gpu_monthly_usd} fills {@code gpuMonthlyUsd}), which is how the analysis binds
 * answers to cost figures.
 *
 * <p>Two figures can be given or computed. Serving a model ({@code inferenceMonthlyUsd}) is taken as stated when
 * given; when it is {@code null} it is derived from the volume and one serving instance's throughput and price
 * ({@link CostModel#servingInstances}). Generation per query ({@code generationCostPerQueryUsd}) is the per-query
 * price unless both prices per million tokens are given, in which case it is computed from the token counts.
 *
 * @param horizonMonths H, 1 … 120
 * @param monthlyQueries Q, ≥ 1
 * @param retrainsPerYear r, 0 … 52
 * @param inferenceMonthlyUsd what serving the fine-tuned model costs a month as stated, or {@code null} to derive it
 * @param generationCostPerQueryUsd the per-query generation price; {@code null} in token mode
 * @param selfHostedRag whether RAG runs on your own infrastructure (always so on premises): its model is then
 *     served like the fine-tuned one, for the same serving cost, beside the per-query prices (which the
 *     questionnaire sets to 0 when they were not given)
 * @param gpuMonthlyUsd the monthly price of one serving instance (one copy of the model on its GPUs); needed only
 *     when {@code inferenceMonthlyUsd} is {@code null}
 * @param gpuTokensPerSecond output tokens one serving instance generates per second; needed only when serving is
 *     derived
 * @param peakLoadFactor busiest-time load over the month's average (≥ 1); needed only when serving is derived
 * @param outputTokensPerQuery tokens generated per answer (serving load, and token-mode output)
 * @param contextTokensPerQuery retrieved-context tokens sent with each query (token mode), else {@code null}
 * @param promptTokensPerQuery question and instruction tokens per query (token mode), else {@code null}
 * @param inputPricePerMillionTokensUsd price of a million input tokens (token mode), else {@code null}
 * @param outputPricePerMillionTokensUsd price of a million output tokens (token mode), else {@code null}
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
        boolean selfHostedRag,
        BigDecimal gpuMonthlyUsd,
        BigDecimal gpuTokensPerSecond,
        BigDecimal peakLoadFactor,
        Long outputTokensPerQuery,
        Long contextTokensPerQuery,
        Long promptTokensPerQuery,
        BigDecimal inputPricePerMillionTokensUsd,
        BigDecimal outputPricePerMillionTokensUsd) {

    /** Inputs for RAG through managed services, with serving and generation prices stated per month and query. */
    public CostInputs(int horizonMonths, long monthlyQueries, int retrainsPerYear, BigDecimal fineTuneCostUsd,
                      BigDecimal dataPrepCostUsd, BigDecimal inferenceMonthlyUsd, BigDecimal vectorDbMonthlyUsd,
                      BigDecimal retrievalCostPerQueryUsd, BigDecimal generationCostPerQueryUsd) {
        this(horizonMonths, monthlyQueries, retrainsPerYear, fineTuneCostUsd, dataPrepCostUsd, inferenceMonthlyUsd,
                vectorDbMonthlyUsd, retrievalCostPerQueryUsd, generationCostPerQueryUsd, false);
    }

    /** Inputs with serving and generation prices stated per month and query, RAG self-hosted or not. */
    public CostInputs(int horizonMonths, long monthlyQueries, int retrainsPerYear, BigDecimal fineTuneCostUsd,
                      BigDecimal dataPrepCostUsd, BigDecimal inferenceMonthlyUsd, BigDecimal vectorDbMonthlyUsd,
                      BigDecimal retrievalCostPerQueryUsd, BigDecimal generationCostPerQueryUsd, boolean selfHostedRag) {
        this(horizonMonths, monthlyQueries, retrainsPerYear, fineTuneCostUsd, dataPrepCostUsd, inferenceMonthlyUsd,
                vectorDbMonthlyUsd, retrievalCostPerQueryUsd, generationCostPerQueryUsd, selfHostedRag,
                null, null, null, null, null, null, null, null);
    }

    /** The same inputs with RAG self-hosted or not. */
    public CostInputs withSelfHostedRag(boolean selfHosted) {
        return new CostInputs(horizonMonths, monthlyQueries, retrainsPerYear, fineTuneCostUsd, dataPrepCostUsd,
                inferenceMonthlyUsd, vectorDbMonthlyUsd, retrievalCostPerQueryUsd, generationCostPerQueryUsd, selfHosted,
                gpuMonthlyUsd, gpuTokensPerSecond, peakLoadFactor, outputTokensPerQuery, contextTokensPerQuery,
                promptTokensPerQuery, inputPricePerMillionTokensUsd, outputPricePerMillionTokensUsd);
    }

    /**
     * The same inputs with serving derived from one instance's price and throughput (the monthly serving figure
     * is dropped, so {@link CostModel} computes it).
     */
    public CostInputs withDerivedServing(BigDecimal instanceMonthlyUsd, BigDecimal tokensPerSecond,
                                         BigDecimal peakFactor, long outputTokens) {
        return new CostInputs(horizonMonths, monthlyQueries, retrainsPerYear, fineTuneCostUsd, dataPrepCostUsd,
                null, vectorDbMonthlyUsd, retrievalCostPerQueryUsd, generationCostPerQueryUsd, selfHostedRag,
                instanceMonthlyUsd, tokensPerSecond, peakFactor, outputTokens, contextTokensPerQuery,
                promptTokensPerQuery, inputPricePerMillionTokensUsd, outputPricePerMillionTokensUsd);
    }

    /**
     * The same inputs with generation priced per token: the per-query generation price is dropped, so
     * {@link CostModel} computes it from these counts and prices.
     */
    public CostInputs withTokenPricing(long contextTokens, long promptTokens, long outputTokens,
                                       BigDecimal inputPerMillionUsd, BigDecimal outputPerMillionUsd) {
        return new CostInputs(horizonMonths, monthlyQueries, retrainsPerYear, fineTuneCostUsd, dataPrepCostUsd,
                inferenceMonthlyUsd, vectorDbMonthlyUsd, retrievalCostPerQueryUsd, null, selfHostedRag,
                gpuMonthlyUsd, gpuTokensPerSecond, peakLoadFactor, outputTokens, contextTokens, promptTokens,
                inputPerMillionUsd, outputPerMillionUsd);
    }

    /** Whether serving is derived from volume and throughput rather than stated per month. */
    public boolean servingDerived() {
        return inferenceMonthlyUsd == null;
    }

    /** Whether generation is priced per token (both prices per million given) rather than per query. */
    public boolean tokenPricing() {
        return inputPricePerMillionTokensUsd != null && outputPricePerMillionTokensUsd != null;
    }
}
