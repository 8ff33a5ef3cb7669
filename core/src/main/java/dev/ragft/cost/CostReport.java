package dev.ragft.cost;

import java.math.BigDecimal;

/**
 * The cost model's result for one consultation.
 *
 * @param breakEvenMonth first month (0 … 120) whose cumulative FINE_TUNE cost is at or below RAG's; null if none
 * @param breakEvenMonthlyQueries Q at which FINE_TUNE and RAG totals over H are equal; null where no positive Q exists
 * @param basis how serving, generation and RAG's deployment were priced (the lines under the cost table); null
 *     only for a report built by hand
 */
public record CostReport(
        int horizonMonths,
        long monthlyQueries,
        StrategyCost fineTune,
        StrategyCost rag,
        StrategyCost hybrid,
        Integer breakEvenMonth,
        BigDecimal breakEvenMonthlyQueries,
        CostBasis basis) {

    /** A report without a basis (tests and hand-built reports). */
    public CostReport(int horizonMonths, long monthlyQueries, StrategyCost fineTune, StrategyCost rag,
                      StrategyCost hybrid, Integer breakEvenMonth, BigDecimal breakEvenMonthlyQueries) {
        this(horizonMonths, monthlyQueries, fineTune, rag, hybrid, breakEvenMonth, breakEvenMonthlyQueries, null);
    }
}
