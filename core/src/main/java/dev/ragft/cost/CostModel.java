package dev.ragft.cost;

import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Strategy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cost model of SPEC §4: what fine-tuning, RAG and a hybrid of the two cost over the planning horizon, month
 * by month, plus when (and at what volume) fine-tuning pays for itself against RAG.
 *
 * <p>It is pure Java and independent of Drools so that the arithmetic can be tested on its own; the rules only
 * see its results, through {@link #toFacts(CostReport)}. Money is exact ({@link BigDecimal}); the only rounded
 * figures are the per-query cost (6 decimal places) and the break-even volume (2 decimal places), both
 * {@link RoundingMode#HALF_EVEN}.
 */
public final class CostModel {

    /** Break-even is searched beyond the horizon, but not forever: ten years is the longest horizon allowed. */
    static final int BREAK_EVEN_SEARCH_MONTHS = 120;

    private static final int PER_QUERY_SCALE = 6;
    private static final int VOLUME_SCALE = 2;
    private static final int MONTHS_PER_YEAR = 12;
    /**
     * Largest total handed to the rules: below 2^45 a double still resolves a cent (its spacing is under
     * half a cent), so the figure a rule quotes rounds to the same dollars and cents as the tables. The
     * questionnaire's maxima keep every total far below it; a custom definition that does not gets an
     * error rather than a silently rounded figure.
     */
    static final BigDecimal LARGEST_EXACT_TOTAL = BigDecimal.valueOf(1L << 45);

    private CostModel() {
    }

    /**
     * Computes the three strategies' costs, the break-even month and the break-even volume.
     *
     * @throws IllegalArgumentException if a value lies outside the ranges documented on {@link CostInputs}
     */
    public static CostReport compute(CostInputs in) {
        validate(in);
        int h = in.horizonMonths();
        int r = in.retrainsPerYear();
        BigDecimal q = BigDecimal.valueOf(in.monthlyQueries());
        BigDecimal upfront = in.fineTuneCostUsd().add(in.dataPrepCostUsd());

        StrategyCost fineTune = trained(Strategy.FINE_TUNE, in, r, upfront, in.inferenceMonthlyUsd());

        // Self-hosted RAG (on premises) serves its own model, like the fine-tuned one, instead of paying an API.
        BigDecimal ragMonthly = in.ragFixedMonthlyUsd()
                .add(q.multiply(in.retrievalCostPerQueryUsd().add(in.generationCostPerQueryUsd())));
        StrategyCost rag = strategyCost(Strategy.RAG, in, BigDecimal.ZERO, BigDecimal.ZERO, ragMonthly, 0,
                new Schedule(0, BigDecimal.ZERO, BigDecimal.ZERO));

        // The hybrid only fine-tunes the stable domain (facts come from retrieval), so it never retrains more than
        // yearly; and its generation runs on the hosted fine-tuned model, so no per-query generation charge.
        BigDecimal hybridMonthly = in.inferenceMonthlyUsd().add(in.vectorDbMonthlyUsd())
                .add(q.multiply(in.retrievalCostPerQueryUsd()));
        StrategyCost hybrid = trained(Strategy.HYBRID, in, Math.min(r, 1), upfront, hybridMonthly);

        Schedule ftSchedule = new Schedule(r, upfront, in.fineTuneCostUsd());
        Integer breakEvenMonth = breakEvenMonth(ftSchedule, fineTune.monthlyUsd(), ragMonthly);
        BigDecimal breakEvenVolume = breakEvenVolume(in, fineTune.totalUsd());

        return new CostReport(h, in.monthlyQueries(), fineTune, rag, hybrid, breakEvenMonth, breakEvenVolume);
    }

    /** The cost report reduced to the plain values the rules reason over. */
    public static CostFacts toFacts(CostReport r) {
        Objects.requireNonNull(r, "report");
        BigDecimal ft = r.fineTune().totalUsd();
        BigDecimal rag = r.rag().totalUsd();
        for (StrategyCost cost : List.of(r.fineTune(), r.rag(), r.hybrid())) {
            if (cost.totalUsd().compareTo(LARGEST_EXACT_TOTAL) > 0) {
                throw new IllegalArgumentException("the " + cost.strategy() + " total of $"
                        + cost.totalUsd().toPlainString() + " is above $" + LARGEST_EXACT_TOTAL.toPlainString()
                        + ", beyond which figures in reasons could differ from the tables; lower the"
                        + " questionnaire's maxima");
            }
        }
        int cmp = ft.compareTo(rag);
        Strategy cheaper = cmp < 0 ? Strategy.FINE_TUNE : cmp > 0 ? Strategy.RAG : null;
        BigDecimal larger = ft.max(rag);
        double gapRatio = larger.signum() == 0
                ? 0.0
                : ft.subtract(rag).abs().divide(larger, MathContext.DECIMAL64).doubleValue();
        Double volume = r.breakEvenMonthlyQueries() == null ? null : r.breakEvenMonthlyQueries().doubleValue();
        BigDecimal cheaperTotal = ft.min(rag);
        BigDecimal extra = r.hybrid().totalUsd().subtract(cheaperTotal);
        double premium = cheaperTotal.signum() <= 0 || extra.signum() <= 0
                ? 0.0
                : extra.divide(cheaperTotal, MathContext.DECIMAL64).doubleValue();
        return new CostFacts(
                r.horizonMonths(),
                ft.doubleValue(),
                rag.doubleValue(),
                r.hybrid().totalUsd().doubleValue(),
                r.fineTune().upfrontUsd().doubleValue(),
                cheaper,
                gapRatio,
                r.breakEvenMonth(),
                volume,
                premium);
    }

    /** Number of fine-tuning runs within {@code h} months at {@code r} per year, counting the initial one. */
    static int trainings(int h, int r) {
        // ceil(h*r/12) in integers, avoiding floating point for an exact count.
        int ceil = (h * r + MONTHS_PER_YEAR - 1) / MONTHS_PER_YEAR;
        return Math.max(1, ceil);
    }

    private static StrategyCost trained(Strategy strategy, CostInputs in, int r, BigDecimal upfront,
            BigDecimal monthly) {
        int trainings = trainings(in.horizonMonths(), r);
        BigDecimal retraining = in.fineTuneCostUsd().multiply(BigDecimal.valueOf(trainings - 1L));
        return strategyCost(strategy, in, upfront, retraining, monthly, trainings,
                new Schedule(r, upfront, in.fineTuneCostUsd()));
    }

    private static StrategyCost strategyCost(Strategy strategy, CostInputs in, BigDecimal upfront,
            BigDecimal retraining, BigDecimal monthly, int trainings, Schedule schedule) {
        int h = in.horizonMonths();
        BigDecimal total = upfront.add(retraining).add(monthly.multiply(BigDecimal.valueOf(h)));
        BigDecimal queriesOverHorizon = BigDecimal.valueOf(h).multiply(BigDecimal.valueOf(in.monthlyQueries()));
        BigDecimal perQuery = total.divide(queriesOverHorizon, PER_QUERY_SCALE, RoundingMode.HALF_EVEN);
        List<BigDecimal> cumulative = new ArrayList<>(h + 1);
        for (int m = 0; m <= h; m++) {
            cumulative.add(schedule.cumulative(m, monthly));
        }
        return new StrategyCost(strategy, upfront, retraining, monthly, total, perQuery, trainings, cumulative);
    }

    private static Integer breakEvenMonth(Schedule fineTune, BigDecimal ftMonthly, BigDecimal ragMonthly) {
        for (int m = 0; m <= BREAK_EVEN_SEARCH_MONTHS; m++) {
            BigDecimal rag = ragMonthly.multiply(BigDecimal.valueOf(m));
            if (fineTune.cumulative(m, ftMonthly).compareTo(rag) <= 0) {
                return m;
            }
        }
        return null;
    }

    private static BigDecimal breakEvenVolume(CostInputs in, BigDecimal fineTuneTotal) {
        BigDecimal perQuery = in.retrievalCostPerQueryUsd().add(in.generationCostPerQueryUsd());
        if (perQuery.signum() == 0) {
            return null;
        }
        // Q* = (FT/H − RAG's fixed monthly) / perQuery, rearranged to a single division so the result is rounded only once
        // (FT/H alone need not terminate, e.g. 1,700 / 12).
        BigDecimal h = BigDecimal.valueOf(in.horizonMonths());
        BigDecimal numerator = fineTuneTotal.subtract(h.multiply(in.ragFixedMonthlyUsd()));
        if (numerator.signum() <= 0) {
            return null;
        }
        BigDecimal volume = numerator.divide(h.multiply(perQuery), VOLUME_SCALE, RoundingMode.HALF_EVEN);
        // A positive Q* so small it rounds to 0.00 is not a usable volume.
        return volume.signum() > 0 ? volume : null;
    }

    private static void validate(CostInputs in) {
        Objects.requireNonNull(in, "inputs");
        requireRange("horizonMonths", in.horizonMonths(), 1, BREAK_EVEN_SEARCH_MONTHS);
        if (in.monthlyQueries() < 1) {
            throw new IllegalArgumentException("monthlyQueries must be ≥ 1, was " + in.monthlyQueries());
        }
        requireRange("retrainsPerYear", in.retrainsPerYear(), 0, 52);
        requireMoney("fineTuneCostUsd", in.fineTuneCostUsd());
        requireMoney("dataPrepCostUsd", in.dataPrepCostUsd());
        requireMoney("inferenceMonthlyUsd", in.inferenceMonthlyUsd());
        requireMoney("vectorDbMonthlyUsd", in.vectorDbMonthlyUsd());
        requireMoney("retrievalCostPerQueryUsd", in.retrievalCostPerQueryUsd());
        requireMoney("generationCostPerQueryUsd", in.generationCostPerQueryUsd());
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " … " + max + ", was " + value);
        }
    }

    private static void requireMoney(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be ≥ 0, was " + value.toPlainString());
        }
    }

    /**
     * Upfront cost plus retrainings, retraining k at month ⌊12k / r⌋. The schedule is open-ended so break-even can
     * be looked for beyond the horizon; within the horizon it yields exactly {@code trainings − 1} retrainings.
     */
    private record Schedule(int retrainsPerYear, BigDecimal upfront, BigDecimal fineTuneCost) {

        /** Cumulative cost at the start of month {@code m}: a retraining in month m is not yet paid. */
        BigDecimal cumulative(int m, BigDecimal monthly) {
            BigDecimal retrainings = fineTuneCost.multiply(BigDecimal.valueOf(retrainingsBefore(m)));
            return upfront.add(retrainings).add(monthly.multiply(BigDecimal.valueOf(m)));
        }

        private long retrainingsBefore(int m) {
            if (retrainsPerYear <= 0) {
                return 0;
            }
            long count = 0;
            for (int k = 1; (long) k * MONTHS_PER_YEAR / retrainsPerYear < m; k++) {
                count++;
            }
            return count;
        }
    }
}
