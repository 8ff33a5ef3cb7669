package dev.ragft.analysis;

import dev.ragft.questionnaire.Answers;
import dev.ragft.InvalidAnswersException;
import dev.ragft.cost.CostModel;
import dev.ragft.engine.Engine;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionDefault;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Not API. Asking only what matters: which of the remaining questions can still change the
 * recommended strategy, given the answers so far. The console calls {@link #check} after each
 * answer (sharing one {@link DecisionOracle} across a consultation) and skips what it returns, unless
 * the user asked for all questions.
 *
 * <h2>Guarantee</h2>
 * A question q is returned as skippable only if, for <em>every</em> combination of answers to the other
 * remaining questions (each answered with any value, or left unanswered where that is allowed), every
 * answer to q — and leaving it at its default — gives the same strategy. Skipping several such
 * questions together is then safe as well: change them back one at a time and the strategy never moves.
 *
 * <h2>Method</h2>
 * Exhaustive evaluation over a finite domain that stands for all possible answers:
 * <ul>
 *   <li>enums: every choice, plus "unanswered" for optional ones without a default; booleans: both;</li>
 *   <li>whole numbers the rules compare with policy thresholds (monthly_queries, training_examples,
 *       latency_budget_ms, retrains_per_year): one value per bucket between thresholds, exactly as in
 *       {@link DecisionOracle}, plus "unanswered" for the latency budget;</li>
 *   <li>numbers that only feed the cost model: their effect on the decision goes through the cost
 *       rules alone, which see the costs only as one of the nine {@link DecisionOracle.CostRegion}s. So
 *       whenever any remaining question feeds the cost model (a cost input, monthly_queries,
 *       horizon_months, or model_size / knowledge_change, whose answers set cost defaults), all nine
 *       regions are enumerated as if they were one more question. That bounds every possible cost
 *       outcome, including combinations no real input reaches, so it can only make us skip less;</li>
 *   <li>otherwise the costs are fixed and computed once from the answers and defaults.</li>
 * </ul>
 * The domain size is the product of these counts; above {@link #MAX_COMBINATIONS} nothing is skipped.
 * Required questions are never skipped (there is no default to use), nor are the blocker questions
 * {@link #NEVER_SKIPPED}, whose answers can rule an option out or raise a conflict the user must see.
 * The proof rests on {@link DecisionOracle}'s premise about which comparisons the rules make, which its
 * test checks against the real rules.
 */
public final class Relevance {

    /** Beyond this many combinations the exhaustive check is not attempted and nothing is skipped. */
    public static final int MAX_COMBINATIONS = 4096;

    /** Questions whose answer can be a blocker or a conflict: always asked. */
    public static final Set<String> NEVER_SKIPPED = Set.of("training_examples", "on_prem_required", "hosting_infrastructure");

    private static final Object UNANSWERED = new Object();

    /**
     * The outcome of one check.
     *
     * @param skippable remaining question ids that provably cannot change the strategy, in questionnaire order
     * @param defaults for each skippable id, the value that will be used (its default, or {@code null}: unanswered)
     * @param combinations how many combinations were evaluated (0 when the check was not attempted)
     * @param reason how the result was reached, for the trace
     */
    public record Result(Set<String> skippable, Map<String, Object> defaults, int combinations, String reason) {
    }

    private Relevance() {
    }

    /**
     * The remaining questions that can be skipped given {@code answersSoFar}; see the class comment for
     * the guarantee. {@code --all-questions} is simply not calling this.
     *
     * @param remaining ids of the questions not yet asked (unknown ids are ignored)
     */
    public static Set<String> decidable(Engine engine, Answers answersSoFar, Collection<String> remaining) {
        return check(engine, answersSoFar, remaining).skippable();
    }

    /** As {@link #decidable}, with the defaults that skipping uses and how the result was reached. */
    public static Result check(Engine engine, Answers answersSoFar, Collection<String> remaining) {
        return check(engine, new DecisionOracle(engine.rules()), answersSoFar, remaining);
    }

    /**
     * As {@link #check(Engine, Answers, Collection)}, remembering rule outcomes in {@code oracle} (built over
     * {@code engine}'s rules). A console checks after every answer; the decision keys of one check are
     * mostly those of the previous one, so sharing the oracle makes the later checks nearly free. The
     * oracle is not thread-safe: one caller at a time.
     */
    public static Result check(Engine engine, DecisionOracle oracle, Answers answersSoFar, Collection<String> remaining) {
        Questionnaire questionnaire = engine.questionnaire();
        List<Question> open = new ArrayList<>();
        for (Question q : questionnaire.questions()) {
            if (remaining.contains(q.id())) {
                open.add(q);
            }
        }
        Answers fixed = answersSoFar;
        for (Question q : open) {
            fixed = fixed.without(q.id());
        }
        boolean costsOpen = open.stream().anyMatch(q -> feedsCosts(questionnaire, q));
        if (open.stream().anyMatch(q -> q.type() == QuestionType.NUMBER && !feedsCosts(questionnaire, q))) {
            // Numbers are bounded only through the cost regions; one read by the rules directly cannot be bounded here.
            return new Result(Set.of(), Map.of(), 0, "not attempted: a remaining number is not a cost input");
        }
        List<List<Object>> domains = new ArrayList<>();
        long size = costsOpen ? DecisionOracle.CostRegion.values().length : 1;
        for (Question q : open) {
            List<Object> domain = domain(oracle, q);
            domains.add(domain);
            size *= domain.size();
            if (size > MAX_COMBINATIONS) {
                return new Result(Set.of(), Map.of(), 0, "not attempted: more than " + MAX_COMBINATIONS
                        + " combinations of the remaining answers");
            }
        }
        int regions = costsOpen ? DecisionOracle.CostRegion.values().length : 1;
        int[] radix = new int[open.size() + 1];
        for (int i = 0; i < open.size(); i++) {
            radix[i] = domains.get(i).size();
        }
        radix[open.size()] = regions;
        int total = (int) size;
        Strategy[] strategies = new Strategy[total];
        CostFacts fixedCosts = null;
        int[] digits = new int[radix.length];
        for (int index = 0; index < total; index++) {
            decode(index, radix, digits);
            Answers combo = fixed;
            for (int i = 0; i < open.size(); i++) {
                Object value = domains.get(i).get(digits[i]);
                if (value != UNANSWERED) {
                    combo = combo.with(open.get(i).id(), value);
                }
            }
            ResolvedAnswers resolved;
            try {
                resolved = questionnaire.resolve(withPlaceholders(questionnaire, combo, costsOpen));
            } catch (InvalidAnswersException incomplete) {
                return new Result(Set.of(), Map.of(), 0, "not attempted: the answers so far do not resolve ("
                        + incomplete.getMessage() + ")");
            }
            if (costsOpen) {
                strategies[index] = oracle.strategy(resolved.profile(), DecisionOracle.CostRegion.values()[digits[open.size()]]);
            } else {
                if (fixedCosts == null) {
                    fixedCosts = CostModel.toFacts(CostModel.compute(resolved.costs()));
                }
                strategies[index] = oracle.strategy(resolved.profile(), fixedCosts);
            }
        }
        // A question that feeds the cost model acts on the decision through the cost region too: it may only
        // be skipped if no region changes the strategy either.
        boolean costsMatter = costsOpen && !independent(strategies, radix, open.size(), digits);
        Set<String> skippable = new LinkedHashSet<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (int i = 0; i < open.size(); i++) {
            Question q = open.get(i);
            if (q.required() || NEVER_SKIPPED.contains(q.id()) || !independent(strategies, radix, i, digits)
                    || (costsMatter && feedsCosts(questionnaire, q))) {
                continue;
            }
            skippable.add(q.id());
            Optional<Object> value = questionnaire.defaultFor(q.id(), answersSoFar);
            defaults.put(q.id(), value.orElse(null));
        }
        return new Result(java.util.Collections.unmodifiableSet(skippable),
                java.util.Collections.unmodifiableMap(defaults), total,
                "exhaustive over " + total + " combinations" + (costsOpen ? " (costs bounded by region)" : ""));
    }

    /** Whether the strategy never changes when only digit {@code position} changes. */
    private static boolean independent(Strategy[] strategies, int[] radix, int position, int[] scratch) {
        for (int index = 0; index < strategies.length; index++) {
            decode(index, radix, scratch);
            if (scratch[position] == 0) {
                continue;
            }
            scratch[position] = 0;
            if (strategies[encode(scratch, radix)] != strategies[index]) {
                return false;
            }
        }
        return true;
    }

    private static void decode(int index, int[] radix, int[] digits) {
        for (int i = 0; i < radix.length; i++) {
            digits[i] = index % radix[i];
            index /= radix[i];
        }
    }

    private static int encode(int[] digits, int[] radix) {
        int index = 0;
        for (int i = radix.length - 1; i >= 0; i--) {
            index = index * radix[i] + digits[i];
        }
        return index;
    }

    /** The finite stand-in for every possible answer to {@code q}; see the class comment. */
    static List<Object> domain(DecisionOracle oracle, Question q) {
        List<Object> domain = new ArrayList<>();
        boolean canBeUnanswered = !q.required();
        switch (q.type()) {
            case BOOLEAN -> {
                domain.add(Boolean.TRUE);
                domain.add(Boolean.FALSE);
            }
            case ENUM -> q.choices().stream().map(Choice::value).forEach(domain::add);
            case INTEGER -> {
                long min = q.min() == null ? 0 : q.min().longValueExact();
                long[] buckets = oracle.bucketRepresentatives(q.id(), min);
                if (buckets.length == 0) {
                    // Read by no decision rule except through the costs, which are then enumerated by region:
                    // leaving it at its default stands for every answer.
                    return List.of(UNANSWERED);
                }
                Arrays.stream(buckets).filter(v -> q.max() == null || v <= q.max().longValueExact())
                        .forEach(domain::add);
            }
            case NUMBER -> {
                return List.of(UNANSWERED); // cost inputs only: covered by the cost regions, as above
            }
        }
        // Left unanswered: the default applies, which for an enum or boolean with one is already in the
        // domain; otherwise (no default, or a number whose default depends on other answers) it is a value of its own.
        if (canBeUnanswered && (q.defaultValue() == null || q.type() == QuestionType.INTEGER)) {
            domain.add(0, UNANSWERED);
        }
        return domain;
    }

    private static Object placeholder(Question q) {
        BigDecimal value = q.min() == null ? BigDecimal.ONE : q.min().max(BigDecimal.ONE);
        return q.type() == QuestionType.INTEGER ? (Object) value.longValueExact() : value;
    }

    /** Whether {@code q}'s answer can move any cost input: directly, or by setting a cost input's default. */
    static boolean feedsCosts(Questionnaire questionnaire, Question q) {
        if (q.costDefaults() || q.id().equals("monthly_queries") || q.id().equals("horizon_months")
                || q.id().equals("retrains_per_year")) {
            return true;
        }
        for (Question other : questionnaire.questions()) {
            QuestionDefault d = other.defaultValue();
            if (other.costDefaults() && d != null && q.id().equals(d.dependsOn())) {
                return true;
            }
        }
        return false;
    }

    // With the costs bounded by region their inputs do not matter, but resolve still wants a value
    // where the guide has no default (405B inference), so one is supplied.
    private static Answers withPlaceholders(Questionnaire questionnaire, Answers answers, boolean costsOpen) {
        if (!costsOpen) {
            return answers;
        }
        Answers result = answers;
        Set<String> missing = new HashSet<>();
        questionnaire.validate(answers).forEach(error -> missing.add(error.field()));
        for (String id : missing) {
            Question q = questionnaire.question(id).orElse(null);
            if (q != null && feedsCosts(questionnaire, q) && q.type() == QuestionType.NUMBER && answers.get(id) == null) {
                result = result.with(id, placeholder(q));
            }
        }
        return result;
    }
}
