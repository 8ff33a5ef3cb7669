package dev.ragft.analysis;

import dev.ragft.RuleError;
import dev.ragft.RulesException;
import dev.ragft.engine.RuleBase;
import dev.ragft.engine.RuleSplits;
import dev.ragft.facts.CostFacts;
import dev.ragft.facts.Profile;
import dev.ragft.facts.Recommendation;
import dev.ragft.facts.Strategy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not API. The judge of the analysis: "which strategy do the rules recommend for these facts?",
 * answered by running the real rule base, once per distinct fact set (memoized).
 *
 * <p>It also holds what the rules as written compare the input facts with ({@link RuleSplits}, read
 * once per rule base), and from that the <em>cost view</em>: the truth of every comparison the rules
 * make on {@link CostFacts}. Two cost facts with the same view satisfy the same rule conditions, which
 * lets the analysis find where a cost input changes what the rules see (bisecting on the view, with
 * the real {@code CostModel}) and stand for every reachable cost outcome with one fact per view. When
 * the rules use a cost field in a way that cannot be read ({@link RuleSplits#opaque}), there is no view
 * and callers fall back to evaluating the engine directly.
 *
 * <p>Instances are thread-safe (the analysis searches questions on several threads); two threads may
 * evaluate the same facts once each, which is harmless.
 */
public final class DecisionOracle {

    private record Key(Profile profile, CostFacts costs) {
    }

    private record ViewKey(Profile profile, BitSet costs) {
    }

    private final RuleBase rules;
    private final RuleSplits splits;
    private final List<RuleSplits.Atom> costAtoms;
    private final boolean costsReadable;
    private final Map<Key, Strategy> memo = new ConcurrentHashMap<>();
    private final Map<ViewKey, Strategy> viewMemo = new ConcurrentHashMap<>();
    private final AtomicInteger evaluations = new AtomicInteger();

    public DecisionOracle(RuleBase rules) {
        this.rules = rules;
        this.splits = rules.splits();
        this.costAtoms = splits.atoms(CostFacts.class);
        this.costsReadable = !splits.anyOpaque(CostFacts.class);
    }

    private static final Map<RuleBase, DecisionOracle> SHARED = new WeakHashMap<>();
    /** Beyond this many remembered fact sets the memo starts again, so a long-running server stays bounded. */
    private static final int MEMO_LIMIT = 200_000;

    /**
     * The oracle of {@code rules}, shared by every analysis over the same compiled rule base, so a fact set
     * judged once is not judged again (the rule base is immutable, so its answers never go stale).
     */
    public static DecisionOracle of(RuleBase rules) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(rules, DecisionOracle::new);
        }
    }

    /** What the rules compare the input facts with. */
    public RuleSplits splits() {
        return splits;
    }

    /** The rule base this oracle evaluates. */
    public RuleBase rules() {
        return rules;
    }

    /** The strategy the rules recommend for exactly these facts (the rule base is run unless already known). */
    public Strategy strategy(Profile profile, CostFacts costs) {
        Key key = new Key(profile, costs);
        Strategy known = memo.get(key);
        if (known == null) {
            known = evaluate(profile, costs);
            if (memo.size() > MEMO_LIMIT) {
                memo.clear();
            }
            memo.put(key, known);
        }
        return known;
    }

    /** Per base cost facts: a check asks again for the same base (each answer re-checks the rest). */
    private final Map<CostFacts, List<CostFacts>> representatives = new ConcurrentHashMap<>();
    /** Beyond this many bases the representatives are made anew (each list holds a few hundred facts). */
    private static final int REPRESENTATIVES_LIMIT = 256;

    /**
     * The strategy for these facts, run once per profile and cost view: cost facts the rules cannot tell
     * apart share one evaluation (the first seen stands for the others). Exact when {@link #costsReadable()}
     * (which {@code DecisionOracleTest} checks against exact evaluations); otherwise the same as
     * {@link #strategy}. For searching; what is reported is confirmed with {@link #strategy}.
     *
     * @param view {@link #costView} of {@code costs}, which the caller has taken already (a walk compares it)
     */
    public Strategy strategyByView(Profile profile, CostFacts costs, BitSet view) {
        if (!costsReadable) {
            return strategy(profile, costs);
        }
        ViewKey key = new ViewKey(profile, view);
        Strategy known = viewMemo.get(key);
        if (known == null) {
            known = strategy(profile, costs);
            if (viewMemo.size() > MEMO_LIMIT) {
                viewMemo.clear();
            }
            viewMemo.put(key, known);
        }
        return known;
    }

    /** How many rule sessions this oracle has run (the rest were answered from the memo). */
    public int evaluations() {
        return evaluations.get();
    }

    /** Whether every comparison the rules make on cost facts could be read, so {@link #costView} is complete. */
    public boolean costsReadable() {
        return costsReadable;
    }

    /**
     * What the rules' conditions see of these cost facts: the truth of each comparison on them. Equal views
     * satisfy the same conditions. Only meaningful when {@link #costsReadable()}.
     */
    public BitSet costView(CostFacts costs) {
        return splits.view(costs);
    }

    /**
     * One cost fact per view the rules can tell apart, built around {@code base}: each field a rule compares
     * takes a value on either side of (and at) every value it is compared with, fields compared with another
     * field take values around that field's value in {@code base}, and the combinations are reduced to one
     * per view. The set covers every view a real consultation can reach (and possibly some it cannot, which
     * only makes a caller that must hold "for all costs" more careful). Empty when the costs are not readable.
     */
    public List<CostFacts> costRepresentatives(CostFacts base) {
        if (!costsReadable) {
            return List.of();
        }
        List<CostFacts> known = representatives.get(base);
        if (known == null) {
            known = representativesAround(base);
            if (representatives.size() >= REPRESENTATIVES_LIMIT) {
                representatives.clear();
            }
            representatives.put(base, known);
        }
        return known;
    }

    private List<CostFacts> representativesAround(CostFacts base) {
        RecordComponent[] components = CostFacts.class.getRecordComponents();
        List<List<Object>> candidates = new ArrayList<>();
        for (RecordComponent component : components) {
            candidates.add(candidates(component, base));
        }
        Map<BitSet, CostFacts> byView = new LinkedHashMap<>();
        int[] digits = new int[components.length];
        while (true) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = candidates.get(i).get(digits[i]);
            }
            CostFacts facts = build(values);
            byView.putIfAbsent(costView(facts), facts);
            int i = 0;
            while (i < digits.length && ++digits[i] == candidates.get(i).size()) {
                digits[i++] = 0;
            }
            if (i == digits.length) {
                break;
            }
        }
        return List.copyOf(byView.values());
    }

    private List<Object> candidates(RecordComponent component, CostFacts base) {
        String field = component.getName();
        Class<?> type = component.getType();
        Object current = RuleSplits.read(base, field);
        List<RuleSplits.Atom> onField = costAtoms.stream().filter(a -> a.field().equals(field)).toList();
        if (onField.isEmpty()) {
            List<Object> same = new ArrayList<>();
            same.add(current);
            return same;
        }
        List<Object> values = new ArrayList<>();
        boolean nullable = !type.isPrimitive();
        if (nullable) {
            values.add(null);
        }
        if (type.isEnum()) {
            values.addAll(List.of(type.getEnumConstants()));
            return values;
        }
        if (type == Boolean.class || type == boolean.class) {
            values.add(Boolean.TRUE);
            values.add(Boolean.FALSE);
            return values;
        }
        TreeSet<Double> numbers = new TreeSet<>();
        for (RuleSplits.Atom atom : onField) {
            double at = atom.other().kind() == RuleSplits.Operand.Kind.NUMBER ? atom.other().number()
                    : atom.other().kind() == RuleSplits.Operand.Kind.FIELD
                            ? asDouble(RuleSplits.read(base, atom.other().name())) : Double.NaN;
            if (Double.isNaN(at)) {
                continue;
            }
            boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
            numbers.add(whole ? Math.floor(at) - 1 : Math.nextDown(at));
            numbers.add(at);
            numbers.add(whole ? Math.ceil(at) + 1 : Math.nextUp(at));
        }
        if (current != null) {
            numbers.add(asDouble(current));
        }
        for (double n : numbers) {
            Object value = toType(n, type);
            if (value != null && !values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static double asDouble(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static Object toType(double n, Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return n == Math.rint(n) && Math.abs(n) < Integer.MAX_VALUE ? (Object) (int) n : null;
        }
        if (type == long.class || type == Long.class) {
            return n == Math.rint(n) ? (Object) (long) n : null;
        }
        return n;
    }

    private static CostFacts build(Object[] values) {
        RecordComponent[] components = CostFacts.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return CostFacts.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build cost facts", e);
        }
    }

    /** Fields of the input facts that a rule inserting a blocker reads, as question ids through {@code bindings}. */
    public Set<String> blockerQuestions(Bindings bindings) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (String field : splits.blockerFields()) {
            String name = field.substring(field.indexOf('.') + 1);
            if (field.startsWith(Profile.class.getSimpleName() + ".")) {
                bindings.questionFor(Profile.class, name).ifPresent(ids::add);
            }
        }
        return ids;
    }

    private Strategy evaluate(Profile profile, CostFacts costs) {
        evaluations.incrementAndGet();
        List<Recommendation> found = rules.recommendations(profile, costs);
        if (found.size() != 1) {
            throw new RulesException(List.of(new RuleError(Path.of(rules.source().origin()), 0, 0,
                    "the rules produced " + found.size() + " recommendations for one consultation")));
        }
        return found.get(0).strategy();
    }
}
