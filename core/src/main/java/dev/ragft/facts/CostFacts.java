package dev.ragft.facts;

/**
 * The cost model's results in the form rules reason over (plain doubles; the exact figures are in the report).
 *
 * @param cheaperOverHorizon the strategy with the lower total of FINE_TUNE and RAG, or {@code null} when equal
 * @param costGapRatio |FINE_TUNE − RAG| ÷ the larger of the two totals (0 when both are 0)
 * @param breakEvenMonth first month at which cumulative FINE_TUNE cost is at or below RAG's, or {@code null}
 * @param breakEvenMonthlyQueries monthly volume at which the two totals are equal, or {@code null}
 * @param hybridPremium the hybrid's extra cost over the cheaper of FINE_TUNE and RAG, as a fraction of that
 *     cheaper total (0 when the hybrid is no dearer or the cheaper total is 0); a component rather than a
 *     computation in the rules, so rule conditions compare it directly and the analysis can read them
 */
public record CostFacts(
        int horizonMonths,
        double fineTuneTotal,
        double ragTotal,
        double hybridTotal,
        double fineTuneUpfront,
        Strategy cheaperOverHorizon,
        double costGapRatio,
        Integer breakEvenMonth,
        Double breakEvenMonthlyQueries,
        double hybridPremium) {
}
