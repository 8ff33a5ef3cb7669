package dev.ragft.analysis;

import dev.ragft.questionnaire.Answers;
import dev.ragft.InvalidAnswersException;
import dev.ragft.RulesException;
import dev.ragft.cost.CostModel;
import dev.ragft.engine.Engine;
import dev.ragft.engine.RuleSplits;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Profile;
import dev.ragft.facts.Strategy;
import dev.ragft.questionnaire.Choice;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import dev.ragft.questionnaire.ResolvedAnswers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

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
 * Exhaustive evaluation by the real rule base over a finite domain that stands for all possible answers,
 * built from what the rules as written compare ({@link RuleSplits}) and the one question-to-field table
 * ({@link Bindings}):
 * <ul>
 *   <li>enums: every choice, plus "unanswered" for optional ones without a default; booleans: both;</li>
 *   <li>whole numbers that fill a profile field: one value per stretch between the rules' split points
 *       for that field, plus "unanswered" where allowed. If the rules use the field in a way that cannot
 *       be read, the check is not attempted;</li>
 *   <li>numbers that only feed the cost model: their effect on the decision goes through the cost
 *       rules alone, which see the costs only through their comparisons on the cost facts. So whenever
 *       any remaining question feeds the cost model (directly, or by keying a cost input's default), one
 *       cost fact per distinguishable cost view ({@link DecisionOracle#costRepresentatives}) is
 *       enumerated as if it were one more question. That bounds every possible cost outcome, including
 *       combinations no real input reaches, so it can only make us skip less;</li>
 *   <li>otherwise the costs are fixed and computed once from the answers and defaults.</li>
 * </ul>
 * The domain size is the product of these counts; above {@link #MAX_COMBINATIONS} nothing is skipped.
 * Required questions are never skipped (there is no default to use), nor are the questions whose fields
 * a rule that inserts a blocker reads: their answers can rule an option out or raise a conflict the user
 * must see. Each skip is finally confirmed on the real consultation: with the answers so far and the other
 * remaining questions at their defaults, every value of the skipped question's domain gives the strategy
 * of its default.
 */
public final class Relevance {

    /** Beyond this many combinations the exhaustive check is not attempted and nothing is skipped. */
    public static final int MAX_COMBINATIONS = 32768;

    /**
     * The longest range of whole numbers tried value by value when the rules' split points for an answer are
     * unknown: {@code retrains_per_year} (0 to 52) feeds the derived staleness ratio the freshness rules compare.
     */
    static final int MAX_SWEPT_VALUES = 64;

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
        return check(engine, DecisionOracle.of(engine.rules()), answersSoFar, remaining);
    }

    /**
     * As {@link #check(Engine, Answers, Collection)}, remembering rule outcomes in {@code oracle} (built over
     * {@code engine}'s rules). A console checks after every answer; the decision keys of one check are
     * mostly those of the previous one, so sharing the oracle makes the later checks nearly free (the
     * three-argument form shares the rule base's own, {@link DecisionOracle#of}, which is thread-safe).
     */
    public static Result check(Engine engine, DecisionOracle oracle, Answers answersSoFar, Collection<String> remaining) {
        Questionnaire questionnaire = engine.questionnaire();
        Bindings bindings = Bindings.of(questionnaire);
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
        boolean costsOpen = open.stream().anyMatch(q -> feedsCosts(bindings, questionnaire, q));
        if (open.stream().anyMatch(q -> q.type() == QuestionType.NUMBER && !feedsCosts(bindings, questionnaire, q))) {
            // Numbers are bounded only through the cost view; one read by the rules directly cannot be bounded here.
            return new Result(Set.of(), Map.of(), 0, "not attempted: a remaining number is not a cost input");
        }
        if (costsOpen && !oracle.costsReadable()) {
            return new Result(Set.of(), Map.of(), 0, "not attempted: the rules use the cost facts in a way that cannot be read");
        }
        // The answers that stay as they are, resolved once: a value the rules derive from an open answer and a
        // settled one (the staleness ratio from retrains and knowledge_change) then splits only where it can here.
        Profile settled = null;
        Set<String> settledFields = new HashSet<>();
        try {
            Answers probe = fixed;
            for (Question q : open) {
                if (!q.choices().isEmpty()) {
                    probe = probe.with(q.id(), q.choices().get(0).value());
                } else if (q.type() == QuestionType.BOOLEAN) {
                    probe = probe.with(q.id(), Boolean.TRUE);
                } else if (q.type() == QuestionType.INTEGER) {
                    probe = probe.with(q.id(), q.min() == null ? 0L : q.min().longValueExact());
                }
            }
            settled = questionnaire.resolve(withPlaceholders(bindings, questionnaire, probe, true)).profile();
            for (Bindings.Binding binding : bindings.all()) {
                // Only an answer given: a default may be keyed by an open answer, and then moves with it.
                if (binding.profileField() != null && !remaining.contains(binding.question())
                        && fixed.contains(binding.question())) {
                    settledFields.add(binding.profileField());
                }
            }
        } catch (RuntimeException unresolved) { // InvalidAnswersException among them
            settled = null; // every value of the other sources is tried instead
        }
        List<List<Object>> domains = new ArrayList<>();
        for (Question q : open) {
            List<Object> domain = domain(oracle, bindings, q, settled, settledFields);
            if (domain == null) {
                return new Result(Set.of(), Map.of(), 0, "not attempted: the rules use " + q.id()
                        + " in a way that cannot be read");
            }
            domains.add(domain);
        }
        // The cost views only multiply the combinations: too many without them is too many with them, and
        // the views (a product over every compared cost field) are the dearest part of a check not attempted.
        long answerCombinations = 1;
        for (List<Object> domain : domains) {
            answerCombinations *= domain.size();
            if (answerCombinations > MAX_COMBINATIONS) {
                return tooMany();
            }
        }
        List<CostFacts> costViews = null;
        int regions = 1;
        if (costsOpen) {
            ResolvedAnswers sample = resolveFirst(questionnaire, fixed, open, domains);
            if (sample == null) {
                return new Result(Set.of(), Map.of(), 0, "not attempted: the answers so far do not resolve");
            }
            costViews = oracle.costRepresentatives(CostModel.facts(sample.costs()));
            regions = costViews.size();
        }
        long size = answerCombinations * regions;
        if (size > MAX_COMBINATIONS) {
            return tooMany();
        }
        int[] radix = new int[open.size() + 1];
        for (int i = 0; i < open.size(); i++) {
            radix[i] = domains.get(i).size();
        }
        radix[open.size()] = regions;
        int total = (int) size;
        Strategy[] strategies = new Strategy[total];
        int[] digits = new int[radix.length];
        // The cost view is the last, slowest digit: the answers of a combination are resolved once and
        // judged under every view (index = combination + combinations * view). Both steps run on every core:
        // a check is up to thousands of rule sessions, and the console runs one between two questions.
        int combinations = (int) answerCombinations;
        Answers given = fixed;
        ResolvedAnswers[] resolved = new ResolvedAnswers[combinations];
        InvalidAnswersException[] refused = new InvalidAnswersException[combinations];
        IntStream.range(0, combinations).parallel().forEach(combination -> {
            int[] place = new int[radix.length];
            decode(combination, radix, place);
            Answers combo = given;
            for (int i = 0; i < open.size(); i++) {
                Object value = domains.get(i).get(place[i]);
                if (value != UNANSWERED) {
                    combo = combo.with(open.get(i).id(), value);
                }
            }
            try {
                resolved[combination] = questionnaire.resolve(withPlaceholders(bindings, questionnaire, combo, costsOpen));
            } catch (InvalidAnswersException incomplete) {
                refused[combination] = incomplete;
            }
        });
        // As if one by one: the combinations before the first that does not resolve are judged (a rule fault
        // among them is what the check reports), then that first refusal is.
        int judged = 0;
        while (judged < combinations && refused[judged] == null) {
            judged++;
        }
        CostFacts fixedCosts = costsOpen || judged == 0 ? null : CostModel.facts(resolved[0].costs());
        int views = costsOpen ? regions : 1;
        List<CostFacts> viewFacts = costViews;
        try {
            IntStream.range(0, judged * views).parallel().forEach(n -> {
                int combination = n / views;
                int view = n % views;
                strategies[combination + combinations * view] = oracle.strategy(resolved[combination].profile(),
                        costsOpen ? viewFacts.get(view) : fixedCosts);
            });
        } catch (RulesException noSingleRecommendation) {
            // A cost view no real consultation reaches may leave the decision layer without a single answer.
            return new Result(Set.of(), Map.of(), 0, "not attempted: " + noSingleRecommendation.getMessage());
        }
        if (judged < combinations) {
            return new Result(Set.of(), Map.of(), 0, "not attempted: the answers so far do not resolve ("
                    + refused[judged].getMessage() + ")");
        }
        // A question that feeds the cost model acts on the decision through the cost view too: it may only
        // be skipped if no cost view changes the strategy either.
        boolean costsMatter = costsOpen && !independent(strategies, radix, open.size(), digits);
        Set<String> blockers = oracle.blockerQuestions(bindings);
        Set<String> skippable = new LinkedHashSet<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (int i = 0; i < open.size(); i++) {
            Question q = open.get(i);
            if (q.required() || blockers.contains(q.id()) || !independent(strategies, radix, i, digits)
                    || (costsMatter && feedsCosts(bindings, questionnaire, q))
                    || !confirmed(engine, oracle, required(fixed, open, domains, i), q, domains.get(i))) {
                continue;
            }
            skippable.add(q.id());
            Optional<Object> value = questionnaire.defaultFor(q.id(), answersSoFar);
            defaults.put(q.id(), value.orElse(null));
        }
        return new Result(java.util.Collections.unmodifiableSet(skippable),
                java.util.Collections.unmodifiableMap(defaults), total,
                "exhaustive over " + total + " combinations" + (costsOpen ? " (costs bounded by " + regions + " views)" : ""));
    }

    private static Result tooMany() {
        return new Result(Set.of(), Map.of(), 0, "not attempted: more than " + MAX_COMBINATIONS
                + " combinations of the remaining answers");
    }

    /** The question ids whose answers can raise a blocker or conflict in these rules: never skipped. */
    public static Set<String> neverSkipped(Engine engine) {
        return new DecisionOracle(engine.rules()).blockerQuestions(Bindings.of(engine.questionnaire()));
    }

    /**
     * The skip checked on the real consultation: the answers so far, the other remaining questions at their
     * defaults, and q at each value of its domain (and at its cost extremes when it is a cost input), all give
     * the same strategy as q left at its default.
     */
    private static boolean confirmed(Engine engine, DecisionOracle oracle, Answers fixed, Question q, List<Object> domain) {
        Questionnaire questionnaire = engine.questionnaire();
        Bindings bindings = Bindings.of(questionnaire);
        Strategy expected = realStrategy(questionnaire, oracle, withPlaceholders(bindings, questionnaire, fixed, true));
        if (expected == null) {
            return true; // the answers so far need the skipped ones to resolve: nothing to compare on
        }
        List<Object> values = new ArrayList<>(domain);
        if (q.type() == QuestionType.NUMBER || q.type() == QuestionType.INTEGER) {
            values.add(q.min() == null ? (q.type() == QuestionType.INTEGER ? (Object) 0L : BigDecimal.ZERO)
                    : q.type() == QuestionType.INTEGER ? (Object) q.min().longValueExact() : q.min());
            if (q.max() != null) {
                values.add(q.type() == QuestionType.INTEGER ? (Object) q.max().longValueExact() : q.max());
            }
        }
        for (Object value : values) {
            if (value == UNANSWERED) {
                continue;
            }
            Strategy got = realStrategy(questionnaire, oracle,
                    withPlaceholders(bindings, questionnaire, fixed.with(q.id(), value), true));
            if (got != null && got != expected) {
                return false;
            }
        }
        return true;
    }

    private static Strategy realStrategy(Questionnaire questionnaire, DecisionOracle oracle, Answers answers) {
        try {
            ResolvedAnswers resolved = questionnaire.resolve(answers);
            return oracle.strategy(resolved.profile(), CostModel.facts(resolved.costs()));
        } catch (InvalidAnswersException | IllegalArgumentException | RulesException incomplete) {
            return null;
        }
    }

    /** The answers so far plus, for each other remaining required question, the first value of its domain. */
    private static Answers required(Answers fixed, List<Question> open, List<List<Object>> domains, int except) {
        Answers result = fixed;
        for (int j = 0; j < open.size(); j++) {
            if (j != except && open.get(j).required()) {
                for (Object value : domains.get(j)) {
                    if (value != UNANSWERED) {
                        result = result.with(open.get(j).id(), value);
                        break;
                    }
                }
            }
        }
        return result;
    }

    /** The first combination that resolves (for a base of the cost facts), or null. */
    private static ResolvedAnswers resolveFirst(Questionnaire questionnaire, Answers fixed, List<Question> open,
                                                List<List<Object>> domains) {
        Answers combo = fixed;
        for (int i = 0; i < open.size(); i++) {
            Object value = domains.get(i).get(0);
            if (value != UNANSWERED) {
                combo = combo.with(open.get(i).id(), value);
            }
        }
        try {
            return questionnaire.resolve(withPlaceholders(Bindings.of(questionnaire), questionnaire, combo, true));
        } catch (InvalidAnswersException incomplete) {
            return null;
        }
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

    /** The finite stand-in for every possible answer to {@code q}, or null when it cannot be bounded; see the class comment. */
    static List<Object> domain(DecisionOracle oracle, Bindings bindings, Question q) {
        return domain(oracle, bindings, q, null, Set.of());
    }

    /** As {@link #domain(DecisionOracle, Bindings, Question)}, with the fields of {@code settled} named in {@code settledFields} fixed. */
    static List<Object> domain(DecisionOracle oracle, Bindings bindings, Question q, Profile settled,
                               Set<String> settledFields) {
        List<Object> domain = new ArrayList<>();
        boolean canBeUnanswered = !q.required();
        Bindings.Binding binding = bindings.of(q.id()).orElseThrow();
        if (q.type() != QuestionType.NUMBER && costOnly(bindings, q)) {
            // Read by no rule except through the costs (where RAG runs, an answer that keys only cost defaults):
            // the cost views are enumerated whatever the inputs, so its default stands for every answer.
            return List.of(UNANSWERED);
        }
        switch (q.type()) {
            case BOOLEAN -> {
                domain.add(Boolean.TRUE);
                domain.add(Boolean.FALSE);
            }
            case ENUM -> q.choices().stream().map(Choice::value).forEach(domain::add);
            case INTEGER -> {
                if (bindings.reach(q.id()).size() > 1) {
                    return null; // its answer keys other defaults: not bounded by its own splits
                }
                String field = binding.profileField();
                if (field == null) {
                    // Read by no rule except through the costs, which are then enumerated by view:
                    // leaving it at its default stands for every answer.
                    return List.of(UNANSWERED);
                }
                RuleSplits splits = oracle.splits();
                long min = q.min() == null ? 0 : q.min().longValueExact();
                if (splits.opaque(Profile.class, field) || splits.comparedWithField(Profile.class, field)) {
                    // Split points unknown (e.g. a value derived from this answer): a short range is still
                    // covered exactly by trying every whole number in it; a long one cannot be bounded.
                    if (q.max() == null || q.max().longValueExact() - min + 1 > MAX_SWEPT_VALUES) {
                        return null;
                    }
                    for (long value = min; value <= q.max().longValueExact(); value++) {
                        domain.add(value);
                    }
                    break;
                }
                long[] points = splits.integerSplits(Profile.class, field, min,
                        q.max() == null ? Long.MAX_VALUE : q.max().longValueExact(), settled, settledFields);
                if (points == null) {
                    return null; // a value derived from it over too long a range
                }
                domain.add(min);
                for (long split : points) {
                    if (split > min && (q.max() == null || split <= q.max().longValueExact())) {
                        domain.add(split);
                    }
                }
            }
            case NUMBER -> {
                if (binding.profileField() != null || bindings.reach(q.id()).size() > 1) {
                    return null;
                }
                return List.of(UNANSWERED); // cost inputs only: covered by the cost views, as above
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

    /** Whether {@code q}'s answer can move any cost input: directly, or by keying a cost input's default. */
    /** Whether the answer and every answer whose default it keys reach the cost inputs only, no profile field. */
    private static boolean costOnly(Bindings bindings, Question q) {
        boolean costs = false;
        for (String id : bindings.reach(q.id())) {
            Bindings.Binding b = bindings.of(id).orElse(null);
            if (b == null || b.profileField() != null) {
                return false;
            }
            costs |= b.costField() != null;
        }
        return costs;
    }

    static boolean feedsCosts(Bindings bindings, Questionnaire questionnaire, Question q) {
        for (String id : bindings.reach(q.id())) {
            Bindings.Binding b = bindings.of(id).orElse(null);
            Question reached = questionnaire.question(id).orElse(null);
            if ((b != null && b.costField() != null) || (reached != null && reached.costDefaults())) {
                return true;
            }
        }
        return false;
    }

    // With the costs bounded by view their inputs do not matter, but resolve still wants a value
    // where the guide has no default (405B inference), so one is supplied.
    private static Answers withPlaceholders(Bindings bindings, Questionnaire questionnaire, Answers answers, boolean costsOpen) {
        if (!costsOpen) {
            return answers;
        }
        Answers result = answers;
        Set<String> missing = new HashSet<>();
        questionnaire.validate(answers).forEach(error -> missing.add(error.field()));
        for (String id : missing) {
            Question q = questionnaire.question(id).orElse(null);
            if (q != null && feedsCosts(bindings, questionnaire, q) && q.type() == QuestionType.NUMBER && answers.get(id) == null) {
                result = result.with(id, placeholder(q));
            }
        }
        return result;
    }
}
