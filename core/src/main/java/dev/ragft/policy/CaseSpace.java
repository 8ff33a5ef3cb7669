package dev.ragft.policy;

import dev.ragft.engine.RuleBase;
import dev.ragft.analysis.Bindings;
import dev.ragft.engine.RuleSplits;
import dev.ragft.facts.Profile;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Not API. The consultations {@code rules check --exhaustive} evaluates, derived from the questionnaire
 * and the rules so an edited threshold moves the cases with it.
 *
 * <p>Each discrete question contributes a {@link Dimension}: every enum value (plus "unanswered" for an
 * optional question without a default), both booleans, and for the whole-number questions the values on
 * either side of every split point the rules as written compare their profile field with ({@link RuleSplits},
 * bound through {@link Bindings}), so an edited threshold, a renamed key or a new rule moves the cases with it. The full product of all of them is ~10^8 cases,
 * too many for CI, so the space is split: the {@link #crossed} dimensions form a complete product
 * (every combination occurs), and each {@link #paired} dimension takes a value per case from a fixed
 * pseudo-random sequence, which puts every one of its values together with every value of every other
 * dimension ({@link #pairsMissing()} checks that). Cost inputs stay at their defaults.
 */
public final class CaseSpace {

    /** One question and the values it takes; {@code null} means the question is left unanswered. */
    public record Dimension(String question, List<Object> values) {

        public Dimension {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** The 405B model has no default inference cost (the guide gives none); this is the stand-in. */
    static final BigDecimal INFERENCE_405B_USD = new BigDecimal("3000");

    /**
     * Answers that only ever shape one or two findings; paired rather than crossed so the product stays
     * near 250,000 cases while each of their values still meets every value of everything else.
     */
    static final Set<String> PAIRED = Set.of("documents_cover_answers", "out_of_domain_queries",
            "cost_model_preference", "latency_budget_ms", "retrains_per_year", "examples_labeled", "horizon_months",
            "self_hosted_rag");

    /** A volume far above every split, so the cost findings see both extremes of a cost-driving answer. */
    private static final long FAR_FACTOR = 100;

    private final List<Dimension> crossed;
    private final List<Dimension> paired;
    private final long size;

    CaseSpace(List<Dimension> crossed, List<Dimension> paired) {
        this.crossed = List.copyOf(crossed);
        this.paired = List.copyOf(paired);
        long product = 1;
        for (Dimension d : crossed) {
            product = Math.multiplyExact(product, d.values().size());
        }
        this.size = product;
    }

    /** The standard space for a questionnaire and a compiled rule base: numeric values follow the rules' own splits. */
    public static CaseSpace standard(Questionnaire questionnaire, RuleBase rules) {
        RuleSplits splits = rules.splits();
        Bindings bindings = Bindings.of(questionnaire);
        List<Dimension> crossed = new ArrayList<>();
        List<Dimension> paired = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            List<Object> values = values(q, splits, bindings.of(q.id()).orElseThrow());
            if (values.isEmpty()) {
                continue;
            }
            (PAIRED.contains(q.id()) ? paired : crossed).add(new Dimension(q.id(), values));
        }
        return new CaseSpace(crossed, paired);
    }

    private static List<Object> values(Question q, RuleSplits splits, Bindings.Binding binding) {
        List<Object> values = new ArrayList<>();
        if (q.type() == QuestionType.ENUM) {
            for (Choice choice : q.choices()) {
                values.add(choice.value());
            }
            if (!q.required() && q.defaultValue() == null) {
                values.add(null);
            }
        } else if (q.type() == QuestionType.BOOLEAN) {
            values.add(Boolean.FALSE);
            values.add(Boolean.TRUE);
        } else if (q.type() == QuestionType.INTEGER && binding.profileField() != null) {
            long min = q.min() == null ? 0 : q.min().longValueExact();
            long max = q.max() == null ? Long.MAX_VALUE : q.max().longValue();
            long[] points = splits.integerSplits(Profile.class, binding.profileField(), min, max);
            if (points == null) {
                // A derived value over a range too long to try value by value: its own comparisons still split it.
                points = splits.integerSplits(Profile.class, binding.profileField());
            }
            if (points.length == 0) {
                return values; // no rule compares it with a number: its default stands for every value
            }
            TreeSet<Long> numbers = new TreeSet<>();
            numbers.add(min);
            long highest = min;
            for (long split : points) {
                // Either side of each split: the last value before it and the first at it.
                numbers.add(split - 1);
                numbers.add(split);
                highest = Math.max(highest, split);
            }
            if (binding.costField() != null && highest <= Long.MAX_VALUE / FAR_FACTOR) {
                numbers.add(highest * FAR_FACTOR);
            }
            numbers.removeIf(n -> n < min || n > max);
            values.addAll(numbers);
            if (!q.required()) {
                values.add(null);
            }
        }
        return values;
    }

    /** The same space with one question's values replaced: a smaller run for tests and for narrowing a problem. */
    public CaseSpace restrict(String question, List<Object> values) {
        List<Dimension> newCrossed = new ArrayList<>();
        List<Dimension> newPaired = new ArrayList<>();
        boolean found = false;
        for (Dimension d : crossed) {
            found |= d.question().equals(question);
            newCrossed.add(d.question().equals(question) ? new Dimension(question, values) : d);
        }
        for (Dimension d : paired) {
            found |= d.question().equals(question);
            newPaired.add(d.question().equals(question) ? new Dimension(question, values) : d);
        }
        if (!found) {
            throw new IllegalArgumentException("no dimension for question " + question);
        }
        return new CaseSpace(newCrossed, newPaired);
    }

    public List<Dimension> crossed() {
        return crossed;
    }

    public List<Dimension> paired() {
        return paired;
    }

    /** The number of cases: the product of the crossed dimensions. */
    public long size() {
        return size;
    }

    /** The answers of case {@code index} (0 ≤ index < size), unanswered questions left out. */
    public Map<String, Object> answers(long index) {
        Map<String, Object> answers = new LinkedHashMap<>();
        int[] digits = digits(index);
        for (int i = 0; i < crossed.size(); i++) {
            put(answers, crossed.get(i), digits[i]);
        }
        for (int j = 0; j < paired.size(); j++) {
            put(answers, paired.get(j), pairedIndex(index, j));
        }
        if ("405B".equals(answers.get("model_size"))) {
            answers.put("inference_monthly_usd", INFERENCE_405B_USD);
        }
        return answers;
    }

    private int[] digits(long index) {
        int[] digits = new int[crossed.size()];
        long rest = index;
        for (int i = crossed.size() - 1; i >= 0; i--) {
            int n = crossed.get(i).values().size();
            digits[i] = (int) (rest % n);
            rest /= n;
        }
        return digits;
    }

    private int pairedIndex(long index, int j) {
        long mixed = splitMix(index * 0x632BE59BD9B4E019L + j + 1);
        return (int) Math.floorMod(mixed, (long) paired.get(j).values().size());
    }

    // SplitMix64: a fixed, well-spread sequence, so every run (and every reproduction) sees the same cases.
    private static long splitMix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void put(Map<String, Object> answers, Dimension dimension, int valueIndex) {
        Object value = dimension.values().get(valueIndex);
        if (value != null) {
            answers.put(dimension.question(), value);
        }
    }

    /**
     * Pairs of answer values (across two dimensions) that occur in no case, as "q1=v1 with q2=v2"; empty
     * when every value meets every other. Crossed pairs always occur; this checks the paired dimensions.
     */
    public List<String> pairsMissing() {
        List<Dimension> all = new ArrayList<>(crossed);
        all.addAll(paired);
        int[] offset = new int[all.size()];
        int total = 0;
        for (int i = 0; i < all.size(); i++) {
            offset[i] = total;
            total += all.get(i).values().size();
        }
        boolean[][] seen = new boolean[total][total];
        int[] at = new int[all.size()];
        for (long index = 0; index < size; index++) {
            int[] digits = digits(index);
            for (int i = 0; i < crossed.size(); i++) {
                at[i] = offset[i] + digits[i];
            }
            for (int j = 0; j < paired.size(); j++) {
                at[crossed.size() + j] = offset[crossed.size() + j] + pairedIndex(index, j);
            }
            for (int a = crossed.size(); a < at.length; a++) {
                for (int b = 0; b < a; b++) {
                    seen[at[a]][at[b]] = true;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int a = crossed.size(); a < all.size(); a++) {
            for (int b = 0; b < a; b++) {
                for (int va = 0; va < all.get(a).values().size(); va++) {
                    for (int vb = 0; vb < all.get(b).values().size(); vb++) {
                        if (!seen[offset[a] + va][offset[b] + vb]) {
                            missing.add(all.get(a).question() + "=" + all.get(a).values().get(va) + " with "
                                    + all.get(b).question() + "=" + all.get(b).values().get(vb));
                        }
                    }
                }
            }
        }
        return missing;
    }

    /** One line per dimension: the question and its values, for the report. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Dimension d : crossed) {
            text.append("  crossed ").append(d.question()).append(' ').append(show(d.values())).append('\n');
        }
        for (Dimension d : paired) {
            text.append("  paired  ").append(d.question()).append(' ').append(show(d.values())).append('\n');
        }
        return text.toString();
    }

    private static String show(List<Object> values) {
        List<String> shown = new ArrayList<>();
        values.forEach(v -> shown.add(v == null ? "(unanswered)" : v.toString()));
        return String.join(" ", shown);
    }
}
