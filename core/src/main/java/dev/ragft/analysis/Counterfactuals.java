package dev.ragft.analysis;

import dev.ragft.Advice;
import dev.ragft.Analysis;
import dev.ragft.questionnaire.Answers;
import dev.ragft.Flip;
import dev.ragft.InvalidAnswersException;
import dev.ragft.cost.CostModel;
import dev.ragft.cost.CostReport;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleSplits;
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
 *   <li><b>Numbers</b>: the rules decide, so the search asks them. Where the rules' comparisons on the
 *       answer can be read ({@link RuleSplits}), the range splits into stretches over which the rules see
 *       the same thing: at the rules' own split points for the profile field the answer fills, and where
 *       the cost model's results cross what the cost rules compare them with (found with the real
 *       {@code CostModel} on a grid of 25% steps and narrowed by bisection to one tick). One engine
 *       evaluation per stretch, outward from the current value, finds the nearest flip in each direction.
 *       Where they cannot be read (arithmetic on the field, a value compared in another pattern, an answer
 *       that keys other defaults), the range is swept with the real engine on the grid plus every readable
 *       split point, and the first flipping sample bisected. Whole numbers are exact, dollar amounts to
 *       the cent, per-query prices to a hundredth of a cent; the search stays within the question's range,
 *       and a number with no upper bound is searched up to 1,000 times its current value (at least 1,000).</li>
 * </ul>
 * Every reported flip is confirmed by the real rule base on the real consultation (the answers with this
 * one changed, resolved as {@code advise} resolves them): at the flip the strategy differs, just before it
 * it does not. A split-point result that fails its confirmation is replaced by the sweep.
 * Flips are ordered by {@link Flip#distance()}, the relative size of the change.
 *
 * <p>Evaluation goes through a {@link DecisionOracle}, which runs the rules once per distinct fact set;
 * numbers are substituted straight into the resolved facts through the {@link Bindings} table.
 */
public final class Counterfactuals {

    private static final double GRID_RATIO = 1.25;

    private final Engine engine;
    private final DecisionOracle oracle;
    private final Bindings bindings;
    /** The shared oracle's count when this analysis began: the rule sessions it ran are the difference. */
    private final int evaluationsBefore;
    private final Advice advice;
    private final ResolvedAnswers base;
    private final CostFacts baseCosts;
    private final Strategy baseline;

    private Counterfactuals(Engine engine, Advice advice) {
        this.engine = engine;
        this.oracle = DecisionOracle.of(engine.rules());
        this.evaluationsBefore = oracle.evaluations();
        this.bindings = Bindings.of(engine.questionnaire());
        this.advice = advice;
        this.base = engine.questionnaire().resolve(advice.answers());
        this.baseCosts = CostModel.facts(base.costs());
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
        return new Analysis(baseline, flips, stable, crossover(advice), oracle.evaluations() - evaluationsBefore);
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
        Strategy strategy = oracle.strategy(resolved.profile(), CostModel.facts(resolved.costs()));
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
        Scale probe = new Scale(q, null);
        Long current = effective == null ? null
                : effective instanceof Long l ? l : probe.ticks((BigDecimal) effective);
        Axis axis = new Axis(q, new Scale(q, current));
        Flip[] found = axis.readable() ? axis.bySplits(current) : null;
        if (found == null) {
            found = axis.bySweep(current);
        }
        Flip best = closer(found[0], found[1]);
        if (current != null && !q.required() && q.defaultValue() == null) {
            best = closer(best, tryAnswer(q, effective, null, 1));
        }
        return best;
    }

    /**
     * One numeric question as an axis: its value in ticks, what the rules see along it, and the strategy at a
     * point, by substituting the value straight into the resolved facts through the {@link Bindings}.
     */
    private final class Axis {
        final Question q;
        final Scale s;
        final Bindings.Binding binding;
        /** The value lands only in its own fields (no other default keyed by it): direct substitution is exact. */
        final boolean direct;
        private Boolean readable;
        private long[] splits;

        Axis(Question q, Scale s) {
            this.q = q;
            this.s = s;
            this.binding = bindings.of(q.id()).orElseThrow();
            this.direct = (binding.profileField() != null || binding.costField() != null)
                    && bindings.reach(q.id()).size() == 1;
        }

        /** Whether the rules' comparisons on this answer could all be read, so its split points are complete. */
        boolean readable() {
            if (readable == null) {
                readable = computeReadable();
            }
            return readable;
        }

        private boolean computeReadable() {
            RuleSplits splits = oracle.splits();
            String field = binding.profileField();
            boolean profileReadable = field == null || (s.decimals == 0 && !splits.opaque(Profile.class, field)
                    && profileSplits() != null
                    && !splits.comparedWithField(Profile.class, field));
            return direct && profileReadable && (binding.costField() == null || oracle.costsReadable());
        }

        /** The strategy with this answer at {@code ticks} and every other answer as given (direct substitution). */
        Strategy at(long ticks) {
            if (!direct) {
                return real(ticks);
            }
            // Where the rules' comparisons on the field are read, every value of a stretch between its split points
            // looks the same to them: the stretch's lowest value stands for it, so the engine runs once per stretch.
            long stands = readable() ? stretchStart(ticks) : ticks;
            Profile p = binding.profileField() == null ? base.profile()
                    : bindings.with(base.profile(), q.id(), s.value(stands));
            return oracle.strategyByView(p, costsAt(ticks), viewAt(ticks));
        }

        CostFacts costsAt(long ticks) {
            if (binding.costField() == null) {
                return baseCosts;
            }
            // The walk asks for the same point's costs several times (its strategy, its view at either end of a step).
            return costs.computeIfAbsent(ticks,
                    t -> CostModel.facts(bindings.with(base.costs(), q.id(), s.value(t))));
        }

        private final Map<Long, CostFacts> costs = new java.util.HashMap<>();

        /** What the cost rules see at {@code ticks}, kept like the costs: the walk compares each point's view again. */
        private java.util.BitSet viewAt(long ticks) {
            return views.computeIfAbsent(ticks, t -> oracle.costView(costsAt(t)));
        }

        private final Map<Long, java.util.BitSet> views = new java.util.HashMap<>();

        /** The confirmation: the strategy of the real consultation with this answer, resolved as `advise` would. */
        Strategy real(long ticks) {
            try {
                ResolvedAnswers resolved = engine.questionnaire().resolve(advice.answers().with(q.id(), s.value(ticks)));
                return oracle.strategy(resolved.profile(), CostModel.facts(resolved.costs()));
            } catch (InvalidAnswersException | IllegalArgumentException notAConsultation) {
                return null;
            }
        }

        /**
         * Every value in (lo, hi] at which what the rules see can change: the rules' own split points for the
         * profile field, and the points where the cost view changes (found with the real cost model on a grid,
         * then narrowed by bisection to the exact tick).
         */
        TreeSet<Long> boundaries() {
            TreeSet<Long> points = new TreeSet<>();
            if (binding.profileField() != null && profileSplits() != null) {
                for (long split : profileSplits()) {
                    points.add(split);
                }
            }
            if (binding.costField() != null) {
                Long previous = null;
                java.util.BitSet seen = null;
                for (long sample : grid(s, null)) {
                    java.util.BitSet view = viewAt(sample);
                    if (previous != null) {
                        long from = previous;
                        java.util.BitSet fromView = seen;
                        // Every change between two samples: bisect to the first, then go on from there.
                        while (!fromView.equals(view)) {
                            long same = from;
                            long changed = sample;
                            while (changed - same > 1) {
                                long mid = same + (changed - same) / 2;
                                if (viewAt(mid).equals(fromView)) {
                                    same = mid;
                                } else {
                                    changed = mid;
                                }
                            }
                            points.add(changed);
                            from = changed;
                            fromView = viewAt(changed);
                        }
                    }
                    previous = sample;
                    seen = view;
                }
            }
            points.removeIf(v -> v <= s.lo || v > s.hi);
            return points;
        }

        /**
         * The nearest flips above and below, one evaluation per stretch between split points, each confirmed by
         * the real consultation at the flip and just before it; {@code null} if a confirmation disagrees (the
         * caller then sweeps).
         */
        Flip[] bySplits(Long current) {
            Flip[] found = new Flip[2];
            if (current == null) {
                TreeSet<Long> points = boundaries();
                long start = s.lo;
                List<Long> starts = new ArrayList<>();
                starts.add(start);
                starts.addAll(points);
                for (int i = 0; i < starts.size(); i++) {
                    long lower = starts.get(i);
                    if (at(lower) == baseline) {
                        continue;
                    }
                    if (i > 0) {
                        found[0] = confirmed(null, lower, lower - 1, "above");
                        return found[0] == null ? null : found;
                    }
                    // The range starts flipped: report its upper end.
                    for (int j = 1; j < starts.size(); j++) {
                        if (at(starts.get(j)) == baseline) {
                            found[0] = confirmed(null, starts.get(j) - 1, starts.get(j), "below");
                            return found[0] == null ? null : found;
                        }
                    }
                    found[0] = confirmed(null, s.hi, null, "below");
                    return found[0] == null ? null : found;
                }
                return found;
            }
            // Walk outward from the current value on the grid plus the profile field's own split points (and one
            // below each). A sample whose strategy differs brackets the flip with the last one that did not, and
            // bisection finds its exact tick. Where the cost view changed between two samples that both keep the
            // strategy, the views in between are located too, so a stretch that flips inside is not stepped over.
            long[] splits = profileSplits();
            TreeSet<Long> samples = grid(s, current);
            for (long split : splits) {
                samples.add(split);
                samples.add(split - 1);
            }
            samples.removeIf(v -> v < s.lo || v > s.hi);
            long previous = current;
            for (long sample : samples.tailSet(current, false)) {
                Long flip = at(sample) != baseline ? (Long) bisect(previous, sample) : insideFlip(previous, sample, true);
                if (flip != null) {
                    found[0] = confirmed(current, flip, flip - 1, "above");
                    if (found[0] == null) {
                        return null;
                    }
                    break;
                }
                previous = sample;
            }
            previous = current;
            for (long sample : samples.headSet(current, false).descendingSet()) {
                Long flip = at(sample) != baseline ? (Long) bisect(previous, sample) : insideFlip(sample, previous, false);
                if (flip != null) {
                    found[1] = confirmed(current, flip, flip + 1, "below");
                    if (found[1] == null) {
                        return null;
                    }
                    break;
                }
                previous = sample;
            }
            return found;
        }

        /**
         * Between two samples (from < to) that both keep the strategy: if the cost view differs at the two ends,
         * every change of view in between is located and its stretch judged; the flip nearest the walk's start
         * ({@code upward}: the lowest flipping tick, else the highest), or null.
         */
        private Long insideFlip(long from, long to, boolean upward) {
            java.util.BitSet fromView = view(from);
            if (fromView == null || fromView.equals(view(to))) {
                return null;
            }
            List<Long> points = changes(new long[0], from, fromView, to, view(to));
            Long nearest = null;
            for (int i = 0; i < points.size(); i++) {
                long point = points.get(i);
                if (at(point) != baseline) {
                    if (upward) {
                        return point;
                    }
                    // Downward the flip nearest the start is the top of the highest flipping stretch.
                    long top = i + 1 < points.size() ? points.get(i + 1) - 1 : to - 1;
                    nearest = top;
                }
            }
            return nearest;
        }

        private long stretchStart(long ticks) {
            long start = s.lo;
            for (long split : profileSplits()) {
                if (split <= ticks) {
                    start = Math.max(start, split);
                }
            }
            return Math.min(start, ticks);
        }

        private long[] profileSplits() {
            if (splits == null) {
                // Null when a value derived from this answer has too long a range to compute its splits.
                splits = binding.profileField() == null ? new long[0]
                        : oracle.splits().integerSplits(Profile.class, binding.profileField(), s.lo, s.hi);
            }
            return splits;
        }

        /** What the cost rules see at {@code ticks}; null when this answer does not reach the costs. */
        private java.util.BitSet view(long ticks) {
            return binding.costField() == null ? null : viewAt(ticks);
        }

        /**
         * The points in (from, to] where what the rules see changes, ascending: the profile field's split points
         * there, and each change of the cost view (bisected to the tick, one after another until the view at
         * {@code to} is reached).
         */
        private List<Long> changes(long[] splits, long from, java.util.BitSet fromView, long to, java.util.BitSet toView) {
            TreeSet<Long> points = new TreeSet<>();
            for (long split : splits) {
                if (split > from && split <= to) {
                    points.add(split);
                }
            }
            long start = from;
            java.util.BitSet startView = fromView;
            while (startView != null && !startView.equals(toView)) {
                long same = start;
                long changed = to;
                while (changed - same > 1) {
                    long mid = same + (changed - same) / 2;
                    if (view(mid).equals(startView)) {
                        same = mid;
                    } else {
                        changed = mid;
                    }
                }
                points.add(changed);
                start = changed;
                startView = view(changed);
            }
            return new ArrayList<>(points);
        }

        /** The flip at {@code threshold}, if the real consultation flips there and not at {@code before}. */
        Flip confirmed(Long current, long threshold, Long before, String direction) {
            Strategy there = real(threshold);
            if (there == null || there == baseline || (before != null && real(before) != baseline)) {
                return null;
            }
            return numberFlip(s, current, threshold, direction, there);
        }

        /**
         * The fallback where the rules' comparisons on this answer cannot all be read: sample the range with
         * the real engine (a grid of 25% steps plus every split point that could be read, and one below it),
         * then bisect the first flipping sample in each direction to the exact tick. A flip island narrower
         * than a grid step on no sampled point can be missed; everything reported is confirmed.
         */
        Flip[] bySweep(Long current) {
            TreeSet<Long> samples = grid(s, current);
            for (long point : boundariesQuietly()) {
                samples.add(point - 1);
                samples.add(point);
            }
            samples.removeIf(v -> v < s.lo || v > s.hi);
            Flip[] found = new Flip[2];
            if (current == null) {
                found[0] = firstRegion(samples);
                return found;
            }
            long previous = current;
            for (Long sample : samples.tailSet(current, false)) {
                if (at(sample) != baseline) {
                    long threshold = bisect(previous, sample);
                    found[0] = confirmed(current, threshold, threshold - 1, "above");
                    break;
                }
                previous = sample;
            }
            previous = current;
            for (Long sample : samples.headSet(current, false).descendingSet()) {
                if (at(sample) != baseline) {
                    long threshold = bisect(previous, sample);
                    found[1] = confirmed(current, threshold, threshold + 1, "below");
                    break;
                }
                previous = sample;
            }
            return found;
        }

        private TreeSet<Long> boundariesQuietly() {
            TreeSet<Long> points = new TreeSet<>();
            if (binding.profileField() != null && !oracle.splits().opaque(Profile.class, binding.profileField())
                    && profileSplits() != null) {
                for (long split : profileSplits()) {
                    points.add(split);
                }
            }
            return points;
        }

        /** For an unanswered number: the first range of values (ascending) that changes the strategy. */
        private Flip firstRegion(TreeSet<Long> samples) {
            Long previous = null;
            for (Long sample : samples) {
                if (at(sample) != baseline) {
                    if (previous != null) {
                        long threshold = bisect(previous, sample);
                        return confirmed(null, threshold, threshold - 1, "above");
                    }
                    Long inside = sample;
                    for (Long next : samples.tailSet(sample, false)) {
                        if (at(next) == baseline) {
                            long threshold = bisect(next, inside);
                            return confirmed(null, threshold, threshold + 1, "below");
                        }
                        inside = next;
                    }
                    return confirmed(null, s.hi, null, "below");
                }
                previous = sample;
            }
            return null;
        }

        /** Narrows [same, flipped] (either order) to adjacent ticks; returns the flipped end. */
        private long bisect(long same, long flipped) {
            while (Math.abs(flipped - same) > 1) {
                long mid = same + (flipped - same) / 2;
                if (at(mid) == baseline) {
                    same = mid;
                } else {
                    flipped = mid;
                }
            }
            return flipped;
        }
    }

    private Flip numberFlip(Scale s, Long current, long threshold, String direction, Strategy strategy) {
        double distance = current == null ? 1
                : current == 0 ? Math.abs((double) threshold)
                : Math.abs((double) threshold - current) / Math.abs((double) current);
        Object from = current == null ? null : s.value(current);
        Object to = s.value(threshold);
        String text = s.q.id() + " at or " + direction + " " + show(s.q, to) + " (now " + show(s.q, from) + ") → " + strategy;
        return new Flip(s.q.id(), from, to, strategy, direction, distance, text);
    }

    /** Sample points over the searched range: its ends, the current value, and steps of 25% outward from it. */
    private static TreeSet<Long> grid(Scale s, Long current) {
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
        samples.removeIf(v -> v < s.lo || v > s.hi);
        return samples;
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
            // Generation as the cost model priced it: per token, the per-query answer is not used (it is null).
            BigDecimal generation = costs.basis() != null ? costs.basis().generationPerQueryUsd()
                    : (BigDecimal) answers.get("generation_cost_per_query_usd");
            BigDecimal perQuery = ((BigDecimal) answers.get("retrieval_cost_per_query_usd")).add(generation);
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
