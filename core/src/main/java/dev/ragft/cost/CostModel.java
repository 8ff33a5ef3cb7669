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
 * The cost model: what fine-tuning, RAG and a hybrid of the two cost over the planning horizon, month
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

    /**
     * Seconds in a month of 30 days, the month the guide's own arithmetic uses (its enterprise scenario counts a
     * month as 30 days of queries); it turns a monthly volume into a load per second.
     */
    public static final long SECONDS_PER_MONTH = 30L * 24 * 60 * 60;

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
        return compute(in, true);
    }

    /**
     * {@code toFacts(compute(in))}, without building the month-by-month tables, which the facts do not read
     * (the break-even month is searched on its own): what the robustness check and the analysis ask for at
     * thousands of sampled values.
     *
     * @throws IllegalArgumentException as {@link #compute} and {@link #toFacts}
     */
    public static CostFacts facts(CostInputs in) {
        return toFacts(compute(in, false));
    }

    /** With {@code tables} false the strategies' cumulative tables stay empty: for {@link #facts}, which never reads them. */
    private static CostReport compute(CostInputs in, boolean tables) {
        validate(in);
        int h = in.horizonMonths();
        int r = in.retrainsPerYear();
        BigDecimal q = BigDecimal.valueOf(in.monthlyQueries());
        BigDecimal upfront = in.fineTuneCostUsd().add(in.dataPrepCostUsd());
        CostBasis basis = basis(in);
        BigDecimal serving = basis.servingMonthlyUsd();
        BigDecimal generation = basis.generationPerQueryUsd();

        StrategyCost fineTune = trained(Strategy.FINE_TUNE, in, r, upfront, serving, tables);

        // Self-hosted RAG (always so on premises) serves its own model, like the fine-tuned one, for the same
        // serving cost; managed RAG pays the model API per query instead.
        BigDecimal ragFixed = in.selfHostedRag() ? in.vectorDbMonthlyUsd().add(serving) : in.vectorDbMonthlyUsd();
        BigDecimal ragMonthly = ragFixed.add(q.multiply(in.retrievalCostPerQueryUsd().add(generation)));
        StrategyCost rag = strategyCost(Strategy.RAG, in, BigDecimal.ZERO, BigDecimal.ZERO, ragMonthly, 0,
                new Schedule(0, BigDecimal.ZERO, BigDecimal.ZERO), tables);

        // The hybrid only fine-tunes the stable domain (facts come from retrieval), so it never retrains more than
        // yearly; and its generation runs on the hosted fine-tuned model, so no per-query generation charge.
        BigDecimal hybridMonthly = serving.add(in.vectorDbMonthlyUsd())
                .add(q.multiply(in.retrievalCostPerQueryUsd()));
        StrategyCost hybrid = trained(Strategy.HYBRID, in, Math.min(r, 1), upfront, hybridMonthly, tables);

        Schedule ftSchedule = new Schedule(r, upfront, in.fineTuneCostUsd());
        Integer breakEvenMonth = breakEvenMonth(ftSchedule, fineTune.monthlyUsd(), ragMonthly);
        BigDecimal breakEvenVolume = breakEvenVolume(in, basis, fineTune.upfrontUsd().add(fineTune.retrainingUsd()));

        return new CostReport(h, in.monthlyQueries(), fineTune, rag, hybrid, breakEvenMonth, breakEvenVolume, basis);
    }

    /**
     * Serving instances needed at the peak: ⌈Q × output tokens × peak factor ÷ (seconds a month × tokens/s per
     * instance)⌉, at least one (a model is served even at a trickle of queries). Exact: no floating point.
     */
    public static long servingInstances(long monthlyQueries, long outputTokensPerQuery, BigDecimal peakLoadFactor,
                                        BigDecimal tokensPerSecond) {
        BigDecimal demand = peakTokensPerMonth(monthlyQueries, outputTokensPerQuery, peakLoadFactor);
        BigDecimal capacity = BigDecimal.valueOf(SECONDS_PER_MONTH).multiply(tokensPerSecond);
        long instances = demand.divide(capacity, 0, RoundingMode.CEILING).longValueExact();
        return Math.max(1, instances);
    }

    private static BigDecimal peakTokensPerMonth(long monthlyQueries, long outputTokensPerQuery, BigDecimal peak) {
        return BigDecimal.valueOf(monthlyQueries).multiply(BigDecimal.valueOf(outputTokensPerQuery)).multiply(peak);
    }

    /**
     * Serving and generation as priced for these inputs, with how they were obtained (no range checks: see
     * {@link #compute(CostInputs)}).
     */
    public static CostBasis basis(CostInputs in) {
        BigDecimal serving;
        Long instances = null;
        BigDecimal peakTokensPerSecond = null;
        if (in.servingDerived()) {
            instances = servingInstances(in.monthlyQueries(), in.outputTokensPerQuery(), in.peakLoadFactor(),
                    in.gpuTokensPerSecond());
            serving = in.gpuMonthlyUsd().multiply(BigDecimal.valueOf(instances));
            peakTokensPerSecond = peakTokensPerMonth(in.monthlyQueries(), in.outputTokensPerQuery(), in.peakLoadFactor())
                    .divide(BigDecimal.valueOf(SECONDS_PER_MONTH), MathContext.DECIMAL64);
        } else {
            serving = in.inferenceMonthlyUsd();
        }
        BigDecimal generation;
        if (in.tokenPricing()) {
            // Input and output tokens are priced per million: (context + prompt) × in/1M + output × out/1M, exact.
            BigDecimal inputTokens = BigDecimal.valueOf(in.contextTokensPerQuery() + in.promptTokensPerQuery());
            generation = inputTokens.multiply(in.inputPricePerMillionTokensUsd())
                    .add(BigDecimal.valueOf(in.outputTokensPerQuery()).multiply(in.outputPricePerMillionTokensUsd()))
                    .movePointLeft(6);
        } else {
            generation = in.generationCostPerQueryUsd();
        }
        return new CostBasis(serving, instances, peakTokensPerSecond, generation, in.selfHostedRag(), in);
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
            BigDecimal monthly, boolean tables) {
        int trainings = trainings(in.horizonMonths(), r);
        BigDecimal retraining = in.fineTuneCostUsd().multiply(BigDecimal.valueOf(trainings - 1L));
        return strategyCost(strategy, in, upfront, retraining, monthly, trainings,
                new Schedule(r, upfront, in.fineTuneCostUsd()), tables);
    }

    private static StrategyCost strategyCost(Strategy strategy, CostInputs in, BigDecimal upfront,
            BigDecimal retraining, BigDecimal monthly, int trainings, Schedule schedule, boolean tables) {
        int h = in.horizonMonths();
        BigDecimal total = upfront.add(retraining).add(monthly.multiply(BigDecimal.valueOf(h)));
        BigDecimal queriesOverHorizon = BigDecimal.valueOf(h).multiply(BigDecimal.valueOf(in.monthlyQueries()));
        BigDecimal perQuery = total.divide(queriesOverHorizon, PER_QUERY_SCALE, RoundingMode.HALF_EVEN);
        if (!tables) {
            return new StrategyCost(strategy, upfront, retraining, monthly, total, perQuery, trainings, List.of());
        }
        // Month by month by addition (exact, and of the scale the product form would give): at a long horizon
        // and many retrainings a year, multiplying out every month was most of the cost model's time.
        List<BigDecimal> cumulative = new ArrayList<>(h + 1);
        BigDecimal running = schedule.cumulative(0, monthly);
        cumulative.add(running);
        for (int m = 1; m <= h; m++) {
            running = running.add(monthly).add(schedule.retrainingsDuring(m));
            cumulative.add(running);
        }
        return new StrategyCost(strategy, upfront, retraining, monthly, total, perQuery, trainings, cumulative);
    }

    private static Integer breakEvenMonth(Schedule fineTune, BigDecimal ftMonthly, BigDecimal ragMonthly) {
        BigDecimal monthlyGap = ftMonthly.subtract(ragMonthly);
        // FINE_TUNE's cumulative cost minus RAG's is upfront + retrainings + m × monthlyGap, every term but the
        // last never negative: so no month before upfront ÷ (RAG's monthly − FINE_TUNE's) can break even, and
        // when FINE_TUNE's monthly is not lower, only month 0 can. The search starts there (a month early, so
        // the rounding of the division cannot skip the answer), then carries the gap from month to month.
        int from = 0;
        if (monthlyGap.signum() < 0) {
            BigDecimal first = fineTune.cumulative(0, BigDecimal.ZERO)
                    .divide(monthlyGap.negate(), 0, RoundingMode.FLOOR);
            from = first.compareTo(BigDecimal.valueOf(BREAK_EVEN_SEARCH_MONTHS + 2)) >= 0
                    ? BREAK_EVEN_SEARCH_MONTHS + 1 : Math.max(0, first.intValue() - 1);
        }
        int last = monthlyGap.signum() < 0 ? BREAK_EVEN_SEARCH_MONTHS : 0;
        // From month 1 on, twelve months later the gap has grown by the same amount whatever the month:
        // 12 × monthlyGap plus the year's retrainings. So after one month per remainder mod 12 the rest follows
        // by division instead of walking up to ten years month by month (the analysis asks this thousands of
        // times).
        int cycleStart = Math.max(from, 1);
        int walked = Math.min(last, cycleStart + MONTHS_PER_YEAR - 1);
        BigDecimal[] cycle = new BigDecimal[MONTHS_PER_YEAR];
        BigDecimal gap = fineTune.cumulative(from, monthlyGap);
        for (int m = from; m <= walked; m++) {
            if (m > from) {
                gap = gap.add(monthlyGap).add(fineTune.retrainingsDuring(m));
            }
            if (gap.signum() <= 0) {
                return m;
            }
            if (m >= cycleStart) {
                cycle[m - cycleStart] = gap;
            }
        }
        BigDecimal yearly = monthlyGap.multiply(BigDecimal.valueOf(MONTHS_PER_YEAR))
                .add(fineTune.fineTuneCost().multiply(BigDecimal.valueOf(fineTune.retrainsPerYear())));
        if (walked >= last || yearly.signum() >= 0) {
            return null;
        }
        // The gap at cycleStart + i (all positive here) first reaches zero after ⌈gap ÷ −yearly⌉ years: fewest
        // for the smallest gap of the cycle, and among the months needing that many years the earliest wins.
        BigDecimal smallest = cycle[0];
        for (BigDecimal gapThen : cycle) {
            smallest = smallest.min(gapThen);
        }
        BigDecimal years = smallest.divide(yearly.negate(), 0, RoundingMode.CEILING);
        if (years.compareTo(BigDecimal.valueOf(last)) > 0) {
            return null; // beyond the search, and too large to count in months
        }
        BigDecimal after = yearly.multiply(years);
        for (int i = 0; i < MONTHS_PER_YEAR; i++) {
            if (cycle[i].add(after).signum() <= 0) {
                int month = cycleStart + i + MONTHS_PER_YEAR * years.intValue();
                return month <= last ? month : null;
            }
        }
        throw new IllegalStateException("no month of the cycle breaks even after " + years + " years");
    }

    /**
     * The monthly volume at which the FINE_TUNE and RAG totals over H are equal. With serving stated (or self-hosted
     * RAG, whose serving is the fine-tuned model's and cancels out) only RAG's per-query charges grow with Q, so
     * Q* = (FT's upfront and retraining + H × (FT's monthly − RAG's fixed monthly)) ÷ (H × per-query price). With
     * serving derived, fine-tuning's monthly cost steps up one instance at a time: the break-even is the first
     * instance count n whose candidate Q* (FT's total with n instances) needs no more than n instances.
     */
    private static BigDecimal breakEvenVolume(CostInputs in, CostBasis basis, BigDecimal trainingCosts) {
        BigDecimal perQuery = in.retrievalCostPerQueryUsd().add(basis.generationPerQueryUsd());
        if (perQuery.signum() == 0) {
            return null;
        }
        BigDecimal h = BigDecimal.valueOf(in.horizonMonths());
        if (!in.servingDerived() || in.selfHostedRag()) {
            BigDecimal ftServing = in.selfHostedRag() ? BigDecimal.ZERO : basis.servingMonthlyUsd();
            return volume(trainingCosts.add(h.multiply(ftServing.subtract(in.vectorDbMonthlyUsd()))), h, perQuery);
        }
        // Q* with n instances fits them when Q* × tokens ≤ n × capacity, i.e. (A + n·H·g)·t ≤ n·H·c·p with
        // A = training − H × vector DB, g the instance price, t the peak tokens per query, c an instance's tokens a
        // month and p the per-query price. The left side grows by H·g·t an instance, the right by H·c·p: the first
        // n that fits is read off directly (no search), and when an instance costs more than the queries it serves
        // would cost through RAG only n = 1 can fit.
        BigDecimal t = BigDecimal.valueOf(in.outputTokensPerQuery()).multiply(in.peakLoadFactor());
        BigDecimal c = BigDecimal.valueOf(SECONDS_PER_MONTH).multiply(in.gpuTokensPerSecond());
        BigDecimal g = in.gpuMonthlyUsd();
        BigDecimal a = trainingCosts.subtract(h.multiply(in.vectorDbMonthlyUsd()));
        BigDecimal slope = h.multiply(c.multiply(perQuery).subtract(g.multiply(t)));
        long n = 1;
        if (slope.signum() > 0) {
            BigDecimal first = a.multiply(t).divide(slope, 0, RoundingMode.CEILING);
            n = Math.max(1, first.min(BigDecimal.valueOf(Long.MAX_VALUE / 2)).longValue());
        }
        BigDecimal numerator = a.add(h.multiply(g).multiply(BigDecimal.valueOf(n)));
        boolean fits = numerator.multiply(t).compareTo(BigDecimal.valueOf(n).multiply(h).multiply(c).multiply(perQuery)) <= 0;
        return fits ? volume(numerator, h, perQuery) : null;
    }

    private static BigDecimal volume(BigDecimal numerator, BigDecimal h, BigDecimal perQuery) {
        if (numerator.signum() <= 0) {
            return null;
        }
        // One division, so the result is rounded only once (FT/H alone need not terminate, e.g. 1,700 / 12).
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
        if (in.servingDerived()) {
            requireMoney("gpuMonthlyUsd (serving is derived: inferenceMonthlyUsd is not given)", in.gpuMonthlyUsd());
            requirePositive("gpuTokensPerSecond", in.gpuTokensPerSecond());
            Objects.requireNonNull(in.peakLoadFactor(), "peakLoadFactor");
            if (in.peakLoadFactor().compareTo(BigDecimal.ONE) < 0) {
                throw new IllegalArgumentException("peakLoadFactor must be ≥ 1, was " + in.peakLoadFactor().toPlainString());
            }
            requireTokens("outputTokensPerQuery", in.outputTokensPerQuery());
        } else {
            requireMoney("inferenceMonthlyUsd", in.inferenceMonthlyUsd());
        }
        requireMoney("vectorDbMonthlyUsd", in.vectorDbMonthlyUsd());
        requireMoney("retrievalCostPerQueryUsd", in.retrievalCostPerQueryUsd());
        if (in.tokenPricing()) {
            requireTokens("contextTokensPerQuery", in.contextTokensPerQuery());
            requireTokens("promptTokensPerQuery", in.promptTokensPerQuery());
            requireTokens("outputTokensPerQuery", in.outputTokensPerQuery());
            requireMoney("inputPricePerMillionTokensUsd", in.inputPricePerMillionTokensUsd());
            requireMoney("outputPricePerMillionTokensUsd", in.outputPricePerMillionTokensUsd());
        } else {
            requireMoney("generationCostPerQueryUsd (generation is priced per query: not both prices per million"
                    + " tokens are given)", in.generationCostPerQueryUsd());
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " … " + max + ", was " + value);
        }
    }

    private static void requirePositive(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value.toPlainString());
        }
    }

    private static void requireTokens(String name, Long value) {
        Objects.requireNonNull(value, name);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be ≥ 0, was " + value);
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

        /** What the retrainings paid between the start of month m − 1 and the start of month m cost. */
        BigDecimal retrainingsDuring(int m) {
            long paid = retrainingsBefore(m) - retrainingsBefore(m - 1);
            return paid == 0 ? BigDecimal.ZERO : fineTuneCost.multiply(BigDecimal.valueOf(paid));
        }

        /** Retrainings k ≥ 1 with ⌊12k / r⌋ < m, that is 12k < m·r: ⌊(m·r − 1) / 12⌋ of them. */
        private long retrainingsBefore(int m) {
            long due = (long) m * retrainsPerYear;
            return due <= 0 ? 0 : (due - 1) / MONTHS_PER_YEAR;
        }
    }
}
