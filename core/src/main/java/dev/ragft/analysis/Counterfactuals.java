package dev.ragft.analysis;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.questionnaire.Answers;
import dev.ragft.Flip;
import dev.ragft.InvalidAnswersException;
import dev.ragft.cost.CostInputs;
import dev.ragft.cost.CostModel;
import dev.ragft.cost.CostReport;
import dev.ragft.engine.Engine;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Profile;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Not API. "What would change this": for each question, the nearest other answer that changes the
 * recommended strategy, holding every other answer fixed.
 *
 * <h2>Method</h2>
 * <ul>
 *   <li><b>Enums and booleans</b>: every other value is tried, and for optional questions without a
 *       default also leaving it unanswered. The nearest flipping value wins (fewest places away in
 *       the choice list).</li>
 *   <li><b>Numbers</b>: the outcome need not be monotonic in a number (the parity band makes an island
 *       around the break-even volume), so the range is first sampled, outward from the current value
 *       in both directions, on a grid of 25 % steps plus every policy threshold of that question (and
 *       one below it) plus, for monthly_queries, the volumes where RAG's total equals fine-tuning's
 *       and the two edges of the parity band. The first sample that flips brackets a threshold with
 *       the last one that did not; bisection then narrows the bracket to one step of precision:
 *       whole numbers exactly, dollar amounts to the cent, per-query prices to a hundredth of a cent.
 *       The search stays within the question's range; a number with no upper bound is searched up to
 *       1,000 times its current value (at least 1,000). A flip island narrower than one grid step that
 *       lies on no sampled threshold can be missed; everything reported is exact.</li>
 * </ul>
 * Flips are ordered by {@link Flip#distance()}, the relative size of the change.
 *
 * <p>Evaluation goes through a {@link DecisionOracle}: numbers are substituted directly into the
 * resolved profile and cost inputs (no JSON, no re-validation), costs are recomputed only for questions
 * that feed them, and rule sessions run once per distinct decision key.
 */
public final class Counterfactuals {

    private static final double GRID_RATIO = 1.25;

    private final Engine engine;
    private final DecisionOracle oracle;
    private final Advice advice;
    private final ResolvedAnswers base;
    private final CostFacts baseCosts;
    private final Strategy baseline;

    private Counterfactuals(Engine engine, Advice advice) {
        this.engine = engine;
        this.oracle = new DecisionOracle(engine.rules());
        this.advice = advice;
        this.base = engine.questionnaire().resolve(advice.answers());
        this.baseCosts = CostModel.toFacts(CostModel.compute(base.costs()));
        this.baseline = advice.strategy();
    }

    /** The analysis of one advice produced by {@code engine}. */
    public static Analysis analyze(Engine engine, Advice advice) {
        return new Counterfactuals(engine, advice).run();
    }

    private Analysis run() {
        List<Question> questions = engine.questionnaire().questions();
        // The questions are independent searches, nearly all rule sessions: on a cold JVM they are most of
        // a short `ragft advise`, so they run on every core. Results land by index, so order stays fixed.
        Flip[] found = new Flip[questions.size()];
        IntStream.range(0, questions.size()).parallel().forEach(i -> found[i] = nearest(questions.get(i)));
        List<Flip> flips = new ArrayList<>();
        List<String> stable = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i] == null) {
                stable.add(questions.get(i).id());
            } else {
                flips.add(found[i]);
            }
        }
        // List.sort is stable, so equal distances keep questionnaire order.
        flips.sort(Comparator.comparingDouble(Flip::distance));
        return new Analysis(baseline, flips, stable, crossover(advice), oracle.evaluations());
    }

    private Flip nearest(Question question) {
        return switch (question.type()) {
            case ENUM, BOOLEAN -> nearestChoice(question);
            case INTEGER, NUMBER -> nearestNumber(question);
        };
    }

    // --- enums and booleans ------------------------------------------------------------------------

    private Flip nearestChoice(Question q) {
        Object current = base.effective().get(q.id());
        List<Object> values = new ArrayList<>();
        if (q.type() == QuestionType.BOOLEAN) {
            values.add(Boolean.TRUE);
            values.add(Boolean.FALSE);
        } else {
            q.choices().stream().map(Choice::value).forEach(values::add);
        }
        Flip best = null;
        for (Object value : values) {
            if (value.equals(current)) {
                continue;
            }
            double distance = current == null || q.type() == QuestionType.BOOLEAN ? 1
                    : Math.abs(values.indexOf(value) - values.indexOf(current));
            best = closer(best, tryAnswer(q, current, value, distance));
        }
        if (current != null && !q.required() && q.defaultValue() == null) {
            best = closer(best, tryAnswer(q, current, null, 1));
        }
        return best;
    }

    private Flip tryAnswer(Question q, Object current, Object value, double distance) {
        ResolvedAnswers resolved;
        try {
            resolved = engine.questionnaire().resolve(advice.answers().with(q.id(), value));
        } catch (InvalidAnswersException needsMore) {
            return null; // e.g. 405B without an inference price: not a consultation the rules can judge
        }
        Strategy strategy = oracle.strategy(resolved.profile(), CostModel.toFacts(CostModel.compute(resolved.costs())));
        if (strategy == baseline) {
            return null;
        }
        String text = value == null
                ? q.id() + " left unanswered (now " + show(q, current) + ") → " + strategy
                : q.id() + " = " + show(q, value) + " (now " + show(q, current) + ") → " + strategy;
        return new Flip(q.id(), current, value, strategy, "set", distance, text);
    }

    private static Flip closer(Flip best, Flip candidate) {
        return candidate != null && (best == null || candidate.distance() < best.distance()) ? candidate : best;
    }

    // --- numbers --------------------------------------------------------------------------------------

    /** A numeric question on a grid of whole steps ("ticks") of its precision. */
    private final class Scale {
        final Question q;
        final int decimals;
        final long lo;
        final long hi;

        Scale(Question q, Long current) {
            this.q = q;
            this.decimals = q.type() == QuestionType.INTEGER ? 0
                    : q.unit() != null && q.unit().contains("query") ? 4 : 2;
            this.lo = q.min() == null ? 0 : ticks(q.min());
            long unbounded = Math.max(current == null ? 0 : saturatingTimes1000(current), ticks(BigDecimal.valueOf(1000)));
            this.hi = q.max() == null ? unbounded : ticks(q.max());
        }

        long ticks(BigDecimal value) {
            return value.movePointRight(decimals).setScale(0, RoundingMode.CEILING).longValueExact();
        }

        private static long saturatingTimes1000(long value) {
            return value > Long.MAX_VALUE / 4000 ? Long.MAX_VALUE / 4 : value * 1000;
        }

        Object value(long ticks) {
            return decimals == 0 ? (Object) ticks : BigDecimal.valueOf(ticks, decimals);
        }
    }

    private Flip nearestNumber(Question q) {
        Object effective = base.effective().get(q.id());
        Scale scale = new Scale(q, null);
        Long current = effective == null ? null
                : effective instanceof Long l ? l : scale.ticks((BigDecimal) effective);
        scale = new Scale(q, current);
        final Scale s = scale;
        TreeSet<Long> samples = samples(s, current);
        if (current == null) {
            return firstRegion(s, samples);
        }
        Flip best = null;
        // Upward: first flipping sample above, then bisect down to the threshold.
        long previous = current;
        for (Long sample : samples.tailSet(current, false)) {
            if (strategyAt(s, sample) != baseline) {
                long threshold = bisect(s, previous, sample);
                best = closer(best, numberFlip(s, current, threshold, "above"));
                break;
            }
            previous = sample;
        }
        previous = current;
        for (Long sample : samples.headSet(current, false).descendingSet()) {
            if (strategyAt(s, sample) != baseline) {
                long threshold = bisect(s, previous, sample);
                best = closer(best, numberFlip(s, current, threshold, "below"));
                break;
            }
            previous = sample;
        }
        if (!q.required() && q.defaultValue() == null) {
            best = closer(best, tryAnswer(q, effective, null, 1));
        }
        return best;
    }

    /** For an unanswered number: the first range of values (ascending) that changes the strategy. */
    private Flip firstRegion(Scale s, TreeSet<Long> samples) {
        Long previous = null;
        for (Long sample : samples) {
            if (strategyAt(s, sample) != baseline) {
                if (previous != null) {
                    return numberFlip(s, null, bisect(s, previous, sample), "above");
                }
                // The range starts flipped: report its upper end.
                Long inside = sample;
                for (Long next : samples.tailSet(sample, false)) {
                    if (strategyAt(s, next) == baseline) {
                        return numberFlip(s, null, bisect(s, next, inside), "below");
                    }
                    inside = next;
                }
                return numberFlip(s, null, s.hi, "below");
            }
            previous = sample;
        }
        return null;
    }

    /** Narrows [same, flipped] (either order) to adjacent ticks; returns the flipped end. */
    private long bisect(Scale s, long same, long flipped) {
        while (Math.abs(flipped - same) > 1) {
            long mid = same + (flipped - same) / 2;
            if (strategyAt(s, mid) == baseline) {
                same = mid;
            } else {
                flipped = mid;
            }
        }
        return flipped;
    }

    private Flip numberFlip(Scale s, Long current, long threshold, String direction) {
        Strategy strategy = strategyAt(s, threshold);
        double distance = current == null ? 1
                : current == 0 ? Math.abs((double) threshold)
                : Math.abs((double) threshold - current) / Math.abs((double) current);
        Object from = current == null ? null : s.value(current);
        Object to = s.value(threshold);
        String text = s.q.id() + " at or " + direction + " " + show(s.q, to) + " (now " + show(s.q, from) + ") → " + strategy;
        return new Flip(s.q.id(), from, to, strategy, direction, distance, text);
    }

    private TreeSet<Long> samples(Scale s, Long current) {
        TreeSet<Long> samples = new TreeSet<>();
        samples.add(s.lo);
        samples.add(s.hi);
        long start = current == null ? Math.max(s.lo, 1) : current;
        samples.add(start);
        for (double x = Math.max(start, 1); x < s.hi; x = Math.max(x + 1, Math.ceil(x * GRID_RATIO))) {
            samples.add((long) x);
        }
        for (double x = start; x > s.lo; x = Math.min(x - 1, Math.floor(x / GRID_RATIO))) {
            samples.add((long) x);
        }
        if (s.decimals == 0) {
            for (long edge : oracle.edgesOf(s.q.id())) {
                samples.add(edge - 1);
                samples.add(edge);
            }
        }
        if (s.q.id().equals("monthly_queries")) {
            for (long q : costBreakpoints()) {
                samples.add(q - 1);
                samples.add(q);
                samples.add(q + 1);
            }
        }
        samples.removeIf(v -> v < s.lo || v > s.hi);
        return samples;
    }

    /** Volumes where RAG's total meets fine-tuning's, and the two edges of the parity band around it. */
    private List<Long> costBreakpoints() {
        CostInputs in = base.costs();
        BigDecimal perQuery = in.retrievalCostPerQueryUsd().add(in.generationCostPerQueryUsd());
        List<Long> points = new ArrayList<>();
        if (perQuery.signum() == 0) {
            return points;
        }
        double band = engine.rules().policy().threshold("cost.parity-band");
        double fineTune = baseCosts.fineTuneTotal();
        for (double factor : new double[] {1 - band, 1, 1 / (1 - band)}) {
            double volume = (factor * fineTune / in.horizonMonths() - in.vectorDbMonthlyUsd().doubleValue())
                    / perQuery.doubleValue();
            if (volume >= 1 && volume < 1e15) {
                points.add((long) Math.floor(volume));
            }
        }
        return points;
    }

    private Strategy strategyAt(Scale s, long ticks) {
        String id = s.q.id();
        Profile p = base.profile();
        CostInputs c = base.costs();
        BigDecimal money = s.decimals == 0 ? null : BigDecimal.valueOf(ticks, s.decimals);
        int small = (int) Math.min(ticks, Integer.MAX_VALUE);
        switch (id) {
            case "monthly_queries" -> {
                p = profile(p, ticks, p.latencyBudgetMs(), p.trainingExamples(), p.horizonMonths(), p.retrainsPerYear());
                c = new CostInputs(c.horizonMonths(), ticks, c.retrainsPerYear(), c.fineTuneCostUsd(), c.dataPrepCostUsd(),
                        c.inferenceMonthlyUsd(), c.vectorDbMonthlyUsd(), c.retrievalCostPerQueryUsd(),
                        c.generationCostPerQueryUsd());
            }
            case "latency_budget_ms" -> {
                return oracle.strategy(profile(p, p.monthlyQueries(), small, p.trainingExamples(), p.horizonMonths(),
                        p.retrainsPerYear()), baseCosts);
            }
            case "training_examples" -> {
                return oracle.strategy(profile(p, p.monthlyQueries(), p.latencyBudgetMs(), ticks, p.horizonMonths(),
                        p.retrainsPerYear()), baseCosts);
            }
            case "horizon_months" -> {
                p = profile(p, p.monthlyQueries(), p.latencyBudgetMs(), p.trainingExamples(), small, p.retrainsPerYear());
                c = new CostInputs(small, c.monthlyQueries(), c.retrainsPerYear(), c.fineTuneCostUsd(), c.dataPrepCostUsd(),
                        c.inferenceMonthlyUsd(), c.vectorDbMonthlyUsd(), c.retrievalCostPerQueryUsd(),
                        c.generationCostPerQueryUsd());
            }
            case "retrains_per_year" -> {
                p = profile(p, p.monthlyQueries(), p.latencyBudgetMs(), p.trainingExamples(), p.horizonMonths(), small);
                c = new CostInputs(c.horizonMonths(), c.monthlyQueries(), small, c.fineTuneCostUsd(), c.dataPrepCostUsd(),
                        c.inferenceMonthlyUsd(), c.vectorDbMonthlyUsd(), c.retrievalCostPerQueryUsd(),
                        c.generationCostPerQueryUsd());
            }
            case "fine_tune_cost_usd" -> c = new CostInputs(c.horizonMonths(), c.monthlyQueries(), c.retrainsPerYear(),
                    money, c.dataPrepCostUsd(), c.inferenceMonthlyUsd(), c.vectorDbMonthlyUsd(),
                    c.retrievalCostPerQueryUsd(), c.generationCostPerQueryUsd());
            case "data_prep_cost_usd" -> c = new CostInputs(c.horizonMonths(), c.monthlyQueries(), c.retrainsPerYear(),
                    c.fineTuneCostUsd(), money, c.inferenceMonthlyUsd(), c.vectorDbMonthlyUsd(),
                    c.retrievalCostPerQueryUsd(), c.generationCostPerQueryUsd());
            case "inference_monthly_usd" -> c = new CostInputs(c.horizonMonths(), c.monthlyQueries(), c.retrainsPerYear(),
                    c.fineTuneCostUsd(), c.dataPrepCostUsd(), money, c.vectorDbMonthlyUsd(),
                    c.retrievalCostPerQueryUsd(), c.generationCostPerQueryUsd());
            case "vector_db_monthly_usd" -> c = new CostInputs(c.horizonMonths(), c.monthlyQueries(), c.retrainsPerYear(),
                    c.fineTuneCostUsd(), c.dataPrepCostUsd(), c.inferenceMonthlyUsd(), money,
                    c.retrievalCostPerQueryUsd(), c.generationCostPerQueryUsd());
            case "retrieval_cost_per_query_usd" -> c = new CostInputs(c.horizonMonths(), c.monthlyQueries(),
                    c.retrainsPerYear(), c.fineTuneCostUsd(), c.dataPrepCostUsd(), c.inferenceMonthlyUsd(),
                    c.vectorDbMonthlyUsd(), money, c.generationCostPerQueryUsd());
            case "generation_cost_per_query_usd" -> c = new CostInputs(c.horizonMonths(), c.monthlyQueries(),
                    c.retrainsPerYear(), c.fineTuneCostUsd(), c.dataPrepCostUsd(), c.inferenceMonthlyUsd(),
                    c.vectorDbMonthlyUsd(), c.retrievalCostPerQueryUsd(), money);
            default -> {
                // A numeric question this class does not know how to substitute: go the long way.
                return slowStrategy(s, ticks);
            }
        }
        // Keep the deployment: the substitutions above build managed-RAG inputs.
        c = c.withSelfHostedRag(base.costs().selfHostedRag());
        return oracle.strategy(p, CostModel.toFacts(CostModel.compute(c)));
    }

    private Strategy slowStrategy(Scale s, long ticks) {
        try {
            ResolvedAnswers resolved = engine.questionnaire().resolve(advice.answers().with(s.q.id(), s.value(ticks)));
            return oracle.strategy(resolved.profile(), CostModel.toFacts(CostModel.compute(resolved.costs())));
        } catch (InvalidAnswersException invalid) {
            return baseline;
        }
    }

    private static Profile profile(Profile p, long queries, Integer latency, long examples, int horizon, int retrains) {
        return new Profile(p.knowledgeChange(), p.domainConsistency(), p.documentsCoverAnswers(), p.queryVariety(),
                p.outOfDomainQueries(), queries, p.latencySensitivity(), latency, p.onPremRequired(),
                p.auditTrailRequired(), p.hostingInfrastructure(), p.costModelPreference(), p.styleFormatNeeds(),
                examples, p.examplesLabeled(), p.modelSize(), horizon, retrains, p.answered());
    }

    // --- words ------------------------------------------------------------------------------------------

    static String show(Question q, Object value) {
        if (value == null) {
            return "unanswered";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (value instanceof Long number) {
            return new DecimalFormat("#,##0", symbols).format(number);
        }
        if (value instanceof BigDecimal number) {
            boolean perQuery = q.unit() != null && q.unit().contains("query");
            String pattern = perQuery ? "$#,##0.00##" : number.stripTrailingZeros().scale() > 0 ? "$#,##0.00" : "$#,##0";
            return new DecimalFormat(pattern, symbols).format(number);
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        return value.toString();
    }

    /** The break-even month and volume of SPEC §4, said plainly for this team. */
    static List<String> crossover(Advice advice) {
        CostReport costs = advice.costs();
        Map<String, Object> answers = advice.effectiveAnswers();
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        DecimalFormat whole = new DecimalFormat("#,##0", symbols);
        DecimalFormat usd = new DecimalFormat("$#,##0", symbols);
        int h = costs.horizonMonths();
        List<String> lines = new ArrayList<>();
        Integer month = costs.breakEvenMonth();
        if (month == null) {
            lines.add("Break-even month: none. At " + whole.format(costs.monthlyQueries()) + " queries a month fine-tuning's"
                    + " cumulative cost never comes down to RAG's within 120 months, so on cost alone RAG stays cheaper.");
        } else if (month == 0) {
            lines.add("Break-even month: 0. Fine-tuning costs no more than RAG from the start, upfront included.");
        } else {
            String upfront = usd.format(costs.fineTune().upfrontUsd());
            lines.add("Break-even month: " + month + ". Fine-tuning's " + upfront + " upfront is paid back in month " + month
                    + (month <= h ? ", inside your " + h + "-month horizon: from then on it is the cheaper option."
                                  : ", after your " + h + "-month horizon: over the period you plan for, RAG is cheaper."));
        }
        BigDecimal volume = costs.breakEvenMonthlyQueries();
        if (volume == null) {
            BigDecimal perQuery = ((BigDecimal) answers.get("retrieval_cost_per_query_usd"))
                    .add((BigDecimal) answers.get("generation_cost_per_query_usd"));
            lines.add("Break-even volume: none. " + (perQuery.signum() == 0
                    ? "RAG costs nothing per query here, so volume never tips the comparison."
                    : "Fine-tuning's total over " + h + " months is below RAG's vector-database cost alone, so fine-tuning"
                            + " is cheaper at any volume."));
        } else {
            long q = costs.monthlyQueries();
            BigDecimal ratio = BigDecimal.valueOf(q).subtract(volume).divide(volume, MathContext.DECIMAL64)
                    .movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).abs();
            boolean above = BigDecimal.valueOf(q).compareTo(volume) > 0;
            lines.add("Break-even volume: " + whole.format(volume.setScale(0, RoundingMode.CEILING)) + " queries a month."
                    + " Over " + h + " months fine-tuning is cheaper above that volume and RAG below it; you expect "
                    + whole.format(q) + ", " + (Objects.equals(ratio, BigDecimal.ZERO) ? "right at it"
                            : ratio + "% " + (above ? "above" : "below") + " it")
                    + ", so on total cost " + (above ? "fine-tuning" : "RAG") + " wins for you.");
        }
        return lines;
    }
}
