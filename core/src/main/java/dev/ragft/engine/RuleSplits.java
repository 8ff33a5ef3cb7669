package dev.ragft.engine;

import dev.ragft.facts.DerivedFrom;
import dev.ragft.facts.Policy;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Not API. What the rules, as written, compare the input facts with: every comparison a rule's
 * condition makes between a field of an input fact ({@code Profile}, {@code CostFacts}) and a policy
 * value, a literal, {@code null}, a constant or another field of the same fact, read with Drools' own
 * DRL parser and resolved against the policy values.
 *
 * <p>From these {@link Atom}s the analysis derives where an answer can change what the rules see
 * (its split points) instead of restating thresholds in Java. A numeric field the rules use in a way
 * this reading does not understand (arithmetic, a method call, a variable bound to it and compared in
 * another pattern or an {@code eval}, a comparison in a consequence with something other than a literal)
 * is reported as {@link #opaque}: the analysis then falls back to sweeping that field with the real
 * engine. Consequences are read for comparisons too (a rule may branch on a bound number there); a
 * value only passed to a function or concatenated into a sentence is taken to shape wording.
 */
public final class RuleSplits implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The other side of a comparison. Exactly one of its forms applies, by {@link Kind}. */
    public record Operand(Kind kind, double number, String name) implements Serializable {

        /** What the other side of a comparison is. */
        public enum Kind { NUMBER, NULL, BOOLEAN, CONSTANT, FIELD }

        static Operand number(double value, String source) {
            return new Operand(Kind.NUMBER, value, source);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case NUMBER -> name == null ? Double.toString(number) : name + "=" + number;
                case NULL -> "null";
                default -> name;
            };
        }
    }

    /**
     * One comparison {@code field op other} on an input fact, as a rule writes it (mirrored forms are
     * turned round so the field is on the left).
     */
    public record Atom(Class<?> type, String field, String op, Operand other, String rule) implements Serializable {

        /** The truth of this comparison on a fact of {@link #type}; Drools semantics for nulls. */
        public boolean test(Object fact) {
            return tester().test(fact);
        }

        /**
         * This comparison with its accessors looked up and its constant side worked out once, for testing many
         * facts.
         */
        Predicate<Object> tester() {
            Method left = accessor(type, field);
            Method rightField = other.kind() == Operand.Kind.FIELD ? accessor(type, other.name()) : null;
            Object constant = constant();
            int opcode = opcode(op);
            return fact -> holds(opcode, invoke(left, fact, field),
                    rightField == null ? constant : invoke(rightField, fact, other.name()));
        }

        /** The other side when it is not a field: a number, a boolean, an enum constant's name or null. */
        Object constant() {
            return switch (other.kind()) {
                case NUMBER -> other.number();
                case NULL, FIELD -> null;
                case BOOLEAN -> Boolean.valueOf(other.name());
                case CONSTANT -> other.name().substring(other.name().lastIndexOf('.') + 1);
            };
        }

        /**
         * For a whole-number field compared with a number: the values s at which the truth can differ
         * between s − 1 and s (one for an ordering, two for an equality).
         */
        List<Long> integerSplits() {
            if (other.kind() != Operand.Kind.NUMBER) {
                return List.of();
            }
            double v = other.number();
            return switch (op) {
                case ">=", "<" -> List.of((long) Math.ceil(v));
                case ">", "<=" -> List.of((long) Math.floor(v) + 1);
                default -> v == Math.rint(v) ? List.of((long) v, (long) v + 1) : List.of();
            };
        }

        @Override
        public String toString() {
            return type.getSimpleName() + "." + field + " " + op + " " + other + " [" + rule + "]";
        }
    }

    private static final String NUMBER_LITERAL = "-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?[lLdDfF]?";
    private static final String THRESHOLD = "\\$\\w+\\s*\\.\\s*threshold\\s*\\(\\s*\"([^\"]*)\"\\s*\\)";
    private static final String CONSTANT = "[A-Za-z_][\\w.]*\\.[A-Z][A-Z0-9_]*";
    private static final String VALUE = "(?:" + THRESHOLD + "|(" + NUMBER_LITERAL + ")|(null)|(true|false)|(" + CONSTANT
            + ")|([a-z]\\w*))";
    private static final String OP = "(<=|>=|==|!=|<|>)";
    /** {@code field op value}; the value must end where the comparison ends. */
    private static final Pattern FIELD_FIRST = Pattern.compile("\\b([a-z]\\w*)\\s*" + OP + "\\s*" + VALUE
            + "(?=\\s*(?:$|,|\\)|&&|\\|\\||;|\\?))");
    /** {@code value op field}, turned round. */
    private static final Pattern VALUE_FIRST = Pattern.compile("(?:" + THRESHOLD + "|(" + NUMBER_LITERAL + ")|(null))\\s*"
            + OP + "\\s*([a-z]\\w*)(?=\\s*(?:$|,|\\)|&&|\\|\\||;|\\?))");
    private static final Pattern IN_LIST = Pattern.compile("\\b([a-z]\\w*)\\s+(not\\s+)?in\\s*\\(([^()]*)\\)");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*([a-z]\\w*)(?!\\s*\\()");
    private static final Pattern ACCESSOR = Pattern.compile("(\\$\\w+)\\s*\\.\\s*(?:get)?(\\w+)\\s*\\(\\s*\\)");

    private final List<Atom> atoms;
    private final Map<Class<?>, Set<String>> opaque;
    private final Set<String> blockerFields;
    private final Map<String, Set<String>> missingKeys;

    private RuleSplits(List<Atom> atoms, Map<Class<?>, Set<String>> opaque, Set<String> blockerFields,
                       Map<String, Set<String>> missingKeys) {
        this.atoms = List.copyOf(atoms);
        this.opaque = opaque;
        this.blockerFields = Set.copyOf(blockerFields);
        this.missingKeys = missingKeys;
    }

    /**
     * Reads every rule of {@code source} for comparisons on the given input fact types, resolving
     * {@code threshold("key")} against {@code policy}.
     */
    public static RuleSplits read(RuleSource source, Policy policy, List<Class<?>> inputTypes) {
        Map<String, Class<?>> bySimpleName = new LinkedHashMap<>();
        for (Class<?> type : inputTypes) {
            bySimpleName.put(type.getSimpleName(), type);
            bySimpleName.put(type.getName(), type);
        }
        Reader reader = new Reader(policy, bySimpleName);
        for (RuleSource.SourceFile file : source.drl()) {
            reader.file(file);
        }
        return new RuleSplits(reader.atoms, reader.opaque, reader.blockerFields, reader.missingKeys);
    }

    /**
     * Stored beside compiled rules ({@code CompiledRulesCache}, {@code PackagedRules}) so a start that loads
     * them does not parse the DRL again; read back as a new reading with empty working caches.
     */
    private Object readResolve() {
        return new RuleSplits(atoms, opaque, blockerFields, missingKeys);
    }

    /** Every comparison read, in rule order. */
    public List<Atom> atoms() {
        return atoms;
    }

    /** The comparisons on fields of {@code type}. */
    public List<Atom> atoms(Class<?> type) {
        return atoms.stream().filter(a -> a.type() == type).toList();
    }

    /**
     * What the rules' conditions see of {@code fact}: the truth of each comparison they make on its type, in
     * {@link #atoms(Class)} order. Two facts of a type with no {@link #anyOpaque opaque} field and equal views
     * satisfy the same conditions, so with the other facts unchanged the rules decide the same.
     */
    public BitSet view(Object fact) {
        return viewers.computeIfAbsent(fact.getClass(), type -> new Viewer(type, atoms(type))).view(fact);
    }

    private final transient Map<Class<?>, Viewer> viewers = new ConcurrentHashMap<>();

    private static final int EQ = 0, NE = 1, LT = 2, LE = 3, GT = 4, GE = 5;

    private static int opcode(String op) {
        return switch (op) {
            case "==" -> EQ;
            case "!=" -> NE;
            case "<" -> LT;
            case "<=" -> LE;
            case ">" -> GT;
            default -> GE;
        };
    }

    /** Drools' semantics: equality across number types by value, enums by name, ordering with null false. */
    private static boolean holds(int opcode, Object l, Object r) {
        if (opcode == EQ || opcode == NE) {
            boolean equal;
            if (l == null || r == null) {
                equal = l == r;
            } else if (l instanceof Number a && r instanceof Number b) {
                equal = a.doubleValue() == b.doubleValue();
            } else if (l instanceof Enum<?> e) {
                equal = e.name().equals(r instanceof Enum<?> re ? re.name() : r.toString());
            } else {
                equal = l.equals(r);
            }
            return (opcode == EQ) == equal;
        }
        if (!(l instanceof Number a) || !(r instanceof Number b)) {
            return false; // Drools: an ordering comparison with null is false
        }
        int c = Double.compare(a.doubleValue(), b.doubleValue());
        return switch (opcode) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /**
     * The views of one fact type: each field the comparisons name is read once per fact (many comparisons
     * read the same field: views are taken thousands of times per analysis), then every comparison is
     * judged on the values read.
     */
    private static final class Viewer {
        private final int size;
        private final Method[] accessors;
        private final String[] fields;
        private final int[] opcodes;
        private final int[] left;
        private final int[] right;
        private final Object[] constants;

        Viewer(Class<?> type, List<Atom> atoms) {
            this.size = atoms.size();
            List<String> names = new ArrayList<>();
            opcodes = new int[atoms.size()];
            left = new int[atoms.size()];
            right = new int[atoms.size()];
            constants = new Object[atoms.size()];
            for (int i = 0; i < atoms.size(); i++) {
                Atom atom = atoms.get(i);
                opcodes[i] = opcode(atom.op());
                left[i] = slot(names, atom.field());
                right[i] = atom.other().kind() == Operand.Kind.FIELD ? slot(names, atom.other().name()) : -1;
                constants[i] = atom.constant();
            }
            fields = names.toArray(new String[0]);
            accessors = new Method[fields.length];
            for (int i = 0; i < fields.length; i++) {
                accessors[i] = accessor(type, fields[i]);
            }
        }

        private static int slot(List<String> names, String field) {
            int at = names.indexOf(field);
            if (at < 0) {
                names.add(field);
                at = names.size() - 1;
            }
            return at;
        }

        BitSet view(Object fact) {
            Object[] values = new Object[accessors.length];
            for (int i = 0; i < accessors.length; i++) {
                values[i] = invoke(accessors[i], fact, fields[i]);
            }
            BitSet view = new BitSet(size);
            for (int i = 0; i < size; i++) {
                if (holds(opcodes[i], values[left[i]], right[i] < 0 ? constants[i] : values[right[i]])) {
                    view.set(i);
                }
            }
            return view;
        }
    }

    /** Whether the rules use {@code type.field} in a way that cannot be read as comparisons. */
    public boolean opaque(Class<?> type, String field) {
        return opaque.getOrDefault(type, Set.of()).contains(field);
    }

    /** Whether any field of {@code type} is opaque. */
    public boolean anyOpaque(Class<?> type) {
        return !opaque.getOrDefault(type, Set.of()).isEmpty();
    }

    /**
     * The split points of a whole-number field: ascending values s at which what the rules see of the
     * field can change between s − 1 and s. Comparisons with another field are not included (see
     * {@link #comparedWithField}).
     */
    public long[] integerSplits(Class<?> type, String field) {
        TreeSet<Long> splits = new TreeSet<>();
        for (Atom atom : atoms) {
            if (atom.type() == type && atom.field().equals(field)) {
                splits.addAll(atom.integerSplits());
            }
        }
        return splits.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The split points of a whole-number field over the answers' range [min, max]: those of
     * {@link #integerSplits(Class, String)}, plus where a comparison on a value derived from the field
     * ({@link DerivedFrom}) changes its truth. Those are found by computing the derived value at every whole
     * number of the range, against every value of its other sources (enums and flags), so they are exact.
     * Null when the range is too long to try value by value; the field must then be swept like an opaque one.
     */
    public long[] integerSplits(Class<?> type, String field, long min, long max) {
        return integerSplits(type, field, min, max, null, Set.of());
    }

    /**
     * As {@link #integerSplits(Class, String, long, long)}, with the derived value's other sources named in
     * {@code fixed} held at their values in {@code fact} (answers already given), rather than tried at each of
     * their values: the splits that matter for this consultation only.
     */
    public long[] integerSplits(Class<?> type, String field, long min, long max, Object fact, Set<String> fixed) {
        List<Atom> derivedAtoms = atoms.stream().filter(a -> a.type() == type && !fields(type).containsKey(a.field())
                && derived(type).getOrDefault(a.field(), List.of()).contains(field)).toList();
        if (derivedAtoms.isEmpty()) {
            return integerSplits(type, field);
        }
        if (max - min > MAX_DERIVED_SCAN) {
            return null;
        }
        // The scan builds a fact for every whole number of the range and every combination of the other
        // sources: milliseconds, and the analysis asks again on every consultation. Its result depends only on
        // the arguments and the values the held sources take, so it is kept.
        List<Object> key = new ArrayList<>(List.of(type, field, min, max));
        if (fact != null) {
            for (RecordComponent component : type.getRecordComponents()) {
                String name = component.getName();
                if (fixed.contains(name) && source(type, name, derivedAtoms)) {
                    key.add(name);
                    key.add(read(fact, name));
                }
            }
        }
        long[] known = derivedScans.get(key);
        if (known == null) {
            known = scanDerived(type, field, min, max, fact, fixed, derivedAtoms);
            derivedScans.put(key, known);
        }
        return known.clone();
    }

    /** Scans kept per rule base; beyond this many (held answers vary) they are made anew. */
    private final transient RuleBase.Bounded<List<Object>, long[]> derivedScans = new RuleBase.Bounded<>(1024);

    private long[] scanDerived(Class<?> type, String field, long min, long max, Object fact, Set<String> fixed,
                               List<Atom> derivedAtoms) {
        // Built once for the whole scan: it may test these comparisons at every whole number of the range.
        List<Predicate<Object>> testers = derivedAtoms.stream().map(Atom::tester).toList();
        TreeSet<Long> splits = new TreeSet<>();
        for (long split : integerSplits(type, field)) {
            splits.add(split);
        }
        for (Object[] others : otherSourceValues(type, field, derivedAtoms, fact, fact == null ? Set.of() : fixed)) {
            String previous = null;
            for (long value = min; value <= max; value++) {
                String truth = truths(type, field, value, others, testers);
                if (previous != null && !truth.equals(previous)) {
                    splits.add(value);
                }
                previous = truth;
            }
        }
        return splits.stream().mapToLong(Long::longValue).toArray();
    }

    /** The longest range tried value by value for a derived value's split points. */
    static final long MAX_DERIVED_SCAN = 100_000;

    /** Whether component {@code name} of {@code type} is one a derived value compared by {@code derivedAtoms} is computed from. */
    private static boolean source(Class<?> type, String name, List<Atom> derivedAtoms) {
        return derivedAtoms.stream().anyMatch(a -> derived(type).getOrDefault(a.field(), List.of()).contains(name));
    }

    /** Every combination of values of the record's components, except {@code field}, that the derived atoms read. */
    private static List<Object[]> otherSourceValues(Class<?> type, String field, List<Atom> derivedAtoms, Object fact,
                                                    Set<String> fixed) {
        RecordComponent[] components = type.getRecordComponents();
        List<Object[]> combinations = new ArrayList<>();
        combinations.add(defaults(components));
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (name.equals(field) || !source(type, name, derivedAtoms)) {
                continue;
            }
            List<Object> candidates;
            if (fixed.contains(name)) {
                candidates = new ArrayList<>();
                candidates.add(read(fact, name));
            } else {
                candidates = values(components[i].getType());
            }
            List<Object[]> next = new ArrayList<>();
            for (Object[] combination : combinations) {
                for (Object value : candidates) {
                    Object[] copy = combination.clone();
                    copy[i] = value;
                    next.add(copy);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** The truth of each derived atom on the record with {@code field} at {@code value} and the others as given. */
    private static String truths(Class<?> type, String field, long value, Object[] others,
                                 List<Predicate<Object>> testers) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = others.clone();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(field)) {
                Class<?> t = components[i].getType();
                args[i] = t == int.class || t == Integer.class ? (Object) (int) value : (Object) value;
            }
        }
        Object fact;
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            fact = type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName() + " to compute its derived values", e);
        }
        StringBuilder truth = new StringBuilder(testers.size());
        for (Predicate<Object> tester : testers) {
            truth.append(tester.test(fact) ? '1' : '0');
        }
        return truth.toString();
    }

    private static Object[] defaults(RecordComponent[] components) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            values[i] = t == boolean.class ? Boolean.FALSE : t == int.class ? (Object) 0 : t == long.class ? (Object) 0L
                    : t == double.class ? (Object) 0.0 : t == float.class ? (Object) 0f : t == short.class ? (Object) (short) 0
                    : null;
        }
        return values;
    }

    /** The values of an enumerable component type (enum constants and null, or both flags). */
    private static List<Object> values(Class<?> type) {
        List<Object> values = new ArrayList<>();
        if (type.isEnum()) {
            values.addAll(Arrays.asList(type.getEnumConstants()));
            values.add(null);
        } else if (type == boolean.class || type == Boolean.class) {
            values.add(Boolean.TRUE);
            values.add(Boolean.FALSE);
            if (type == Boolean.class) {
                values.add(null);
            }
        }
        return values;
    }

    /** Whether a component's values can all be tried: an enum or a flag. */
    static boolean enumerable(Class<?> type) {
        return type != null && (type.isEnum() || type == boolean.class || type == Boolean.class);
    }

    private static boolean hasDerivedFrom(Class<?> type, String name) {
        DerivedValue value = derivedValues(type).get(name);
        return value != null && value.declared();
    }

    /** Whether a rule compares {@code type.field} with another field (its splits then move with that field). */
    public boolean comparedWithField(Class<?> type, String field) {
        return atoms.stream().anyMatch(a -> a.type() == type && a.other().kind() == Operand.Kind.FIELD
                && (a.field().equals(field) || a.other().name().equals(field)));
    }

    /**
     * Fields (as {@code Type.field}) that a rule inserting a blocker reads: their answers can rule an
     * option out or raise a conflict the user must see.
     */
    public Set<String> blockerFields() {
        return blockerFields;
    }

    /** Policy keys a rule refers to that the policy lacks, by rule; such comparisons cannot be read. */
    public Map<String, Set<String>> missingKeys() {
        return missingKeys;
    }

    /** The value of a record component (or a derived accessor) of {@code fact}, by name. */
    public static Object read(Object fact, String field) {
        return invoke(accessor(fact.getClass(), field), fact, field);
    }

    /** The accessor of a record component or derived value of {@code type}, ready to invoke without access checks. */
    private static Method accessor(Class<?> type, String field) {
        Method accessor = ACCESSORS.computeIfAbsent(type, t -> {
            Map<String, Method> byName = new LinkedHashMap<>();
            for (RecordComponent component : t.getRecordComponents()) {
                Method method = component.getAccessor();
                method.setAccessible(true); // a public record's accessor: skips the check on every call
                byName.put(component.getName(), method);
            }
            return byName;
        }).get(field);
        if (accessor == null && derivedValues(type).containsKey(field)) {
            accessor = derivedValues(type).get(field).accessor();
        }
        if (accessor == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no field " + field);
        }
        return accessor;
    }

    private static Object invoke(Method accessor, Object fact, String field) {
        try {
            return accessor.invoke(fact);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field + " of " + fact.getClass().getSimpleName(), e);
        }
    }

    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    /** Whether a record component type holds a number. */
    static boolean numeric(Class<?> type) {
        return type == int.class || type == long.class || type == double.class || type == float.class
                || type == short.class || Number.class.isAssignableFrom(type);
    }

    /** One pass over the rule files. */
    private static final class Reader {
        final Policy policy;
        final Map<String, Class<?>> types;
        final List<Atom> atoms = new ArrayList<>();
        final Map<Class<?>, Set<String>> opaque = new LinkedHashMap<>();
        final Set<String> blockerFields = new LinkedHashSet<>();
        final Map<String, Set<String>> missingKeys = new LinkedHashMap<>();
        /** Fields whose values reach a function whole: any comparison there on a numeric accessor is unreadable. */
        final List<String> functionBodies = new ArrayList<>();

        Reader(Policy policy, Map<String, Class<?>> types) {
            this.policy = policy;
            this.types = types;
        }

        void file(RuleSource.SourceFile file) {
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, file.text());
            } catch (DroolsParserException e) {
                pkg = null;
            }
            if (pkg == null || parser.hasErrors()) {
                // Rules that do not parse do not compile either; nothing to read (the rule base would not exist).
                return;
            }
            for (FunctionDescr function : pkg.getFunctions()) {
                functionBodies.add(DrlScan.codeOnly(function.getBody()));
            }
            for (RuleDescr rule : pkg.getRules()) {
                rule(rule);
            }
        }

        void rule(RuleDescr rule) {
            Map<String, Class<?>> boundFacts = new LinkedHashMap<>();
            Map<String, Field> boundFields = new LinkedHashMap<>();
            List<String> otherConditionText = new ArrayList<>();
            Set<String> readFields = new LinkedHashSet<>();
            walk(rule.getLhs(), rule.getName(), boundFacts, boundFields, otherConditionText, readFields);
            // A variable bound to an input fact or number and used in another condition: not readable here.
            for (String text : otherConditionText) {
                for (Map.Entry<String, Field> bound : boundFields.entrySet()) {
                    if (Pattern.compile(Pattern.quote(bound.getKey()) + "\\b").matcher(text).find()) {
                        markOpaque(bound.getValue().type(), bound.getValue().name());
                    }
                }
                Matcher accessor = ACCESSOR.matcher(text);
                while (accessor.find()) {
                    Class<?> type = boundFacts.get(accessor.group(1));
                    if (type != null) {
                        markOpaque(type, decapitalize(accessor.group(2)));
                        markSourcesOpaque(type, decapitalize(accessor.group(2)));
                    }
                }
            }
            String consequence = rule.getConsequence() == null ? "" : DrlScan.codeOnly(rule.getConsequence().toString());
            consequence(consequence, rule.getName(), boundFacts, boundFields);
            if (consequence.contains("Blocker") || consequence.contains("BLOCKER")) {
                blockerFields.addAll(readFields);
            }
        }

        void walk(BaseDescr descr, String rule, Map<String, Class<?>> boundFacts, Map<String, Field> boundFields,
                  List<String> otherText, Set<String> readFields) {
            if (descr instanceof PatternDescr pattern) {
                Class<?> type = types.get(pattern.getObjectType());
                if (type != null && pattern.getIdentifier() != null) {
                    boundFacts.put(pattern.getIdentifier(), type);
                }
                for (BaseDescr constraint : pattern.getDescrs()) {
                    String text = constraint instanceof ExprConstraintDescr e ? e.getExpression() : constraint.getText();
                    if (text == null) {
                        continue;
                    }
                    if (type == null) {
                        otherText.add(text);
                    } else {
                        constraint(type, text, rule, boundFields, otherText, readFields);
                    }
                }
                if (pattern.getSource() != null && pattern.getSource().getText() != null) {
                    otherText.add(pattern.getSource().getText());
                }
                return;
            }
            if (descr instanceof ConditionalElementDescr element) {
                for (BaseDescr child : element.getDescrs()) {
                    walk(child, rule, boundFacts, boundFields, otherText, readFields);
                }
                return;
            }
            if (descr != null && descr.getText() != null) {
                otherText.add(descr.getText()); // eval, accumulate and the like
            }
        }

        void constraint(Class<?> type, String expression, String rule, Map<String, Field> boundFields,
                        List<String> otherText, Set<String> readFields) {
            Map<String, Class<?>> fields = fields(type);
            Map<String, List<String>> derived = derived(type);
            StringBuilder rest = new StringBuilder(expression);
            Matcher binding = BINDING.matcher(expression);
            while (binding.find()) {
                if (fields.containsKey(binding.group(2))) {
                    boundFields.put(binding.group(1), new Field(type, binding.group(2)));
                    blank(rest, binding.start(), binding.end());
                }
            }
            Matcher in = IN_LIST.matcher(expression);
            while (in.find()) {
                String field = in.group(1);
                if (!fields.containsKey(field)) {
                    continue;
                }
                readFields.add(type.getSimpleName() + "." + field);
                boolean all = true;
                for (String item : in.group(3).split(",")) {
                    Operand operand = operand(item.strip(), fields, rule);
                    if (operand == null) {
                        all = false;
                    } else {
                        atoms.add(new Atom(type, field, in.group(2) == null ? "==" : "!=", operand, rule));
                    }
                }
                if (all) {
                    blank(rest, in.start(), in.end());
                }
            }
            Matcher m = FIELD_FIRST.matcher(expression);
            while (m.find()) {
                String field = m.group(1);
                boolean isDerived = !fields.containsKey(field) && derived.containsKey(field);
                if (!(fields.containsKey(field) || isDerived) || !delimitedBefore(expression, m.start())) {
                    continue;
                }
                Operand operand = operand(m, 3, fields, rule);
                if (operand == null || (isDerived && operand.kind() == Operand.Kind.FIELD)) {
                    continue;
                }
                read(type, field, readFields);
                atoms.add(new Atom(type, field, m.group(2), operand, rule));
                blank(rest, m.start(), m.end());
            }
            Matcher v = VALUE_FIRST.matcher(expression);
            while (v.find()) {
                String field = v.group(5);
                if (!(fields.containsKey(field) || derived.containsKey(field)) || !delimitedBefore(expression, v.start())) {
                    continue;
                }
                Operand operand = v.group(3) != null ? new Operand(Operand.Kind.NULL, 0, null)
                        : v.group(2) != null ? Operand.number(Double.parseDouble(v.group(2).replaceAll("[lLdDfF]$", "")), null)
                        : policyValue(v.group(1), rule);
                if (operand == null) {
                    continue;
                }
                read(type, field, readFields);
                atoms.add(new Atom(type, field, mirror(v.group(4)), operand, rule));
                blank(rest, v.start(), v.end());
            }
            // Whatever mention of a numeric field is left was not understood.
            String left = rest.toString();
            for (Map.Entry<String, Class<?>> field : fields.entrySet()) {
                if (Pattern.compile("(?<![\\w$.])" + field.getKey() + "\\b").matcher(left).find()) {
                    readFields.add(type.getSimpleName() + "." + field.getKey());
                    if (numeric(field.getValue())) {
                        markOpaque(type, field.getKey());
                    }
                }
            }
            // A derived value (an accessor that is not a component) used in a way not read above (arithmetic, a
            // comparison with a field) moves with its sources at points unknown here: those answers are swept.
            for (Map.Entry<String, List<String>> value : derived.entrySet()) {
                if (Pattern.compile("(?<![\\w$.])" + value.getKey() + "\\b").matcher(left).find()) {
                    for (String source : value.getValue()) {
                        readFields.add(type.getSimpleName() + "." + source);
                    }
                    markSourcesOpaque(type, value.getKey());
                }
            }
            // Variables bound elsewhere and used inside this input pattern's constraint.
            otherText.add(left.replaceAll("\\$\\w+\\s*\\.\\s*threshold\\s*\\(\\s*\"[^\"]*\"\\s*\\)", ""));
        }

        /** Comparisons in a consequence on a bound number or a bound fact's accessor. */
        void consequence(String code, String rule, Map<String, Class<?>> boundFacts, Map<String, Field> boundFields) {
            List<int[]> spans = new ArrayList<>();
            List<Field> targets = new ArrayList<>();
            for (Map.Entry<String, Field> bound : boundFields.entrySet()) {
                Matcher use = Pattern.compile(Pattern.quote(bound.getKey()) + "(?![\\w.])").matcher(code);
                while (use.find()) {
                    spans.add(new int[] {use.start(), use.end()});
                    targets.add(bound.getValue());
                }
            }
            Matcher accessor = ACCESSOR.matcher(code);
            while (accessor.find()) {
                Class<?> type = boundFacts.get(accessor.group(1));
                if (type != null && fields(type).containsKey(decapitalize(accessor.group(2)))) {
                    spans.add(new int[] {accessor.start(), accessor.end()});
                    targets.add(new Field(type, decapitalize(accessor.group(2))));
                } else if (type != null && derived(type).containsKey(decapitalize(accessor.group(2)))
                        && (OPERATOR_AFTER.matcher(code.substring(accessor.end())).find()
                            || OPERATOR_BEFORE.matcher(code.substring(0, accessor.start())).find())) {
                    // A derived value compared or computed with in a consequence: its sources are swept.
                    markSourcesOpaque(type, decapitalize(accessor.group(2)));
                }
            }
            for (Map.Entry<String, Class<?>> fact : boundFacts.entrySet()) {
                // A whole input fact handed to a function: the functions' comparisons on its numbers are unread.
                if (Pattern.compile(Pattern.quote(fact.getKey()) + "(?![\\w.])").matcher(code).find()) {
                    for (Map.Entry<String, Class<?>> field : fields(fact.getValue()).entrySet()) {
                        if (numeric(field.getValue()) && functionBodies.stream().anyMatch(body ->
                                Pattern.compile("\\.\\s*" + Pattern.quote(field.getKey())
                                        + "\\s*\\(").matcher(body).find())) {
                            markOpaque(fact.getValue(), field.getKey());
                        }
                    }
                }
            }
            for (int i = 0; i < spans.size(); i++) {
                Field target = targets.get(i);
                if (!numeric(fields(target.type()).get(target.name()))) {
                    continue;
                }
                String after = code.substring(spans.get(i)[1]);
                String before = code.substring(0, spans.get(i)[0]);
                Matcher next = Pattern.compile("^\\s*" + OP + "\\s*(" + NUMBER_LITERAL + ")(?![\\w.(])").matcher(after);
                Matcher prev = Pattern.compile("(" + NUMBER_LITERAL + ")\\s*" + OP + "\\s*$").matcher(before);
                if (next.find()) {
                    atoms.add(new Atom(target.type(), target.name(), next.group(1),
                            Operand.number(Double.parseDouble(next.group(2).replaceAll("[lLdDfF]$", "")), null), rule));
                } else if (prev.find()) {
                    atoms.add(new Atom(target.type(), target.name(), mirror(prev.group(2)),
                            Operand.number(Double.parseDouble(prev.group(1).replaceAll("[lLdDfF]$", "")), null), rule));
                } else if (OPERATOR_AFTER.matcher(after).find() || OPERATOR_BEFORE.matcher(before).find()) {
                    // (A "+" next to a value is taken for joining it into a sentence, the way consequences word reasons.)
                    markOpaque(target.type(), target.name());
                }
            }
        }

        Operand operand(Matcher m, int group, Map<String, Class<?>> fields, String rule) {
            if (m.group(group) != null) {
                return policyValue(m.group(group), rule);
            }
            if (m.group(group + 1) != null) {
                return Operand.number(Double.parseDouble(m.group(group + 1).replaceAll("[lLdDfF]$", "")), null);
            }
            if (m.group(group + 2) != null) {
                return new Operand(Operand.Kind.NULL, 0, null);
            }
            if (m.group(group + 3) != null) {
                return new Operand(Operand.Kind.BOOLEAN, 0, m.group(group + 3));
            }
            if (m.group(group + 4) != null) {
                return new Operand(Operand.Kind.CONSTANT, 0, m.group(group + 4));
            }
            String name = m.group(group + 5);
            return fields.containsKey(name) ? new Operand(Operand.Kind.FIELD, 0, name) : null;
        }

        Operand operand(String text, Map<String, Class<?>> fields, String rule) {
            Matcher m = Pattern.compile("^" + VALUE + "$").matcher(text);
            return m.find() ? operand(m, 1, fields, rule) : null;
        }

        Operand policyValue(String key, String rule) {
            if (!policy.has(key)) {
                missingKeys.computeIfAbsent(rule, r -> new LinkedHashSet<>()).add(key);
                return null;
            }
            return Operand.number(policy.threshold(key), key);
        }

        /** Records that a rule reads {@code name}: a component, or the components a derived value comes from. */
        void read(Class<?> type, String name, Set<String> readFields) {
            if (fields(type).containsKey(name)) {
                readFields.add(type.getSimpleName() + "." + name);
                return;
            }
            List<String> sources = derived(type).getOrDefault(name, List.of());
            sources.forEach(source -> readFields.add(type.getSimpleName() + "." + source));
            // The split points of a derived value are found by trying one source's values against every value of
            // the others, so the others must have few values (enums and flags); otherwise the sources are swept.
            long numericSources = sources.stream().filter(source -> !enumerable(fields(type).get(source))).count();
            if (type.isRecord() && numericSources <= 1 && hasDerivedFrom(type, name)) {
                return;
            }
            markSourcesOpaque(type, name);
        }

        void markOpaque(Class<?> type, String field) {
            opaque.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(field);
        }

        /** Marks the numeric components a derived accessor is computed from (nothing for a component or unknown name). */
        void markSourcesOpaque(Class<?> type, String accessor) {
            for (String source : derived(type).getOrDefault(accessor, List.of())) {
                if (numeric(fields(type).get(source))) {
                    markOpaque(type, source);
                }
            }
        }
    }

    private record Field(Class<?> type, String name) {
    }

    /** A comparison or arithmetic right after a value (a "+" is taken for joining it into a sentence). */
    private static final Pattern OPERATOR_AFTER = Pattern.compile("^\\s*(?:[<>=!]=?|[-*/%])");
    /** A comparison right before a value. */
    private static final Pattern OPERATOR_BEFORE = Pattern.compile("[<>=!]=?\\s*$");

    /** A derived accessor: the method, the components it is computed from, and whether {@link DerivedFrom} says so. */
    private record DerivedValue(Method accessor, List<String> sources, boolean declared) {
    }

    private static final Map<Class<?>, Map<String, DerivedValue>> DERIVED = new ConcurrentHashMap<>();

    /**
     * The derived accessors of an input fact type (public, no parameters, not a component, not from
     * {@code Object}) by property name, each with the components it is computed from: those its
     * {@link DerivedFrom} names, or every component when it has none.
     */
    static Map<String, List<String>> derived(Class<?> type) {
        return DERIVED_SOURCES.computeIfAbsent(type, t -> {
            Map<String, List<String>> sources = new LinkedHashMap<>();
            derivedValues(t).forEach((name, value) -> sources.put(name, value.sources()));
            return Collections.unmodifiableMap(sources);
        });
    }

    private static final Map<Class<?>, Map<String, List<String>>> DERIVED_SOURCES = new ConcurrentHashMap<>();

    private static Map<String, DerivedValue> derivedValues(Class<?> type) {
        return DERIVED.computeIfAbsent(type, t -> {
            Map<String, DerivedValue> derived = new LinkedHashMap<>();
            Map<String, Class<?>> components = fields(t);
            for (Method method : t.getMethods()) {
                if (method.getParameterCount() != 0 || method.getDeclaringClass() == Object.class
                        || Modifier.isStatic(method.getModifiers())
                        || components.containsKey(method.getName()) || method.getReturnType() == void.class
                        || method.getName().equals("hashCode") || method.getName().equals("toString")) {
                    continue;
                }
                String name = method.getName();
                if (name.startsWith("get") && name.length() > 3) {
                    name = decapitalize(name.substring(3));
                } else if (name.startsWith("is") && name.length() > 2) {
                    name = decapitalize(name.substring(2));
                }
                DerivedFrom from = method.getAnnotation(DerivedFrom.class);
                derived.put(name, new DerivedValue(method,
                        from == null ? List.copyOf(components.keySet()) : List.of(from.value()), from != null));
            }
            return Collections.unmodifiableMap(derived);
        });
    }

    private static final Map<Class<?>, Map<String, Class<?>>> FIELDS = new ConcurrentHashMap<>();

    /** Record component names and types of an input fact type. */
    static Map<String, Class<?>> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            Map<String, Class<?>> fields = new LinkedHashMap<>();
            if (t.isRecord()) {
                for (RecordComponent component : t.getRecordComponents()) {
                    fields.put(component.getName(), component.getType());
                }
            }
            return Collections.unmodifiableMap(fields);
        });
    }

    private static boolean delimitedBefore(String text, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || "(,&|!".indexOf(text.charAt(i)) >= 0;
    }

    private static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static void blank(StringBuilder text, int from, int to) {
        for (int i = from; i < to; i++) {
            text.setCharAt(i, ' ');
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
