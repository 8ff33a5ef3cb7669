package dev.ragft.analysis;

import dev.ragft.cost.CostInputs;
import dev.ragft.facts.Profile;
import dev.ragft.questionnaire.Question;
import dev.ragft.questionnaire.QuestionDefault;
import dev.ragft.questionnaire.QuestionType;
import dev.ragft.questionnaire.Questionnaire;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Not API. The one table from question ids to the fact fields they fill: for each question of the
 * questionnaire, its type (from {@code advisor.json}) and the {@link Profile} and {@link CostInputs}
 * components of the same name ({@code monthly_queries} fills {@code monthlyQueries}). It is data built
 * by reading the questionnaire and the records, not a list kept in Java: a question added to
 * {@code advisor.json} with a field of the same name is bound with no change here.
 *
 * <p>The analysis uses it for "the same answers but this one" (substituting one number straight into
 * the resolved facts) and to map the fields the rules compare back to the questions that set them.
 */
public final class Bindings {

    /**
     * One question and where its answer lands.
     *
     * @param question the question id
     * @param type its answer type
     * @param profileField the {@link Profile} component it fills, or {@code null}
     * @param costField the {@link CostInputs} component it fills, or {@code null}
     * @param dependents ids of questions whose default is keyed by this one's answer (its answer reaches them too)
     */
    public record Binding(String question, QuestionType type, String profileField, String costField,
                          Set<String> dependents) {

        public Binding {
            dependents = Set.copyOf(dependents);
        }
    }

    private final Map<String, Binding> byQuestion;

    private Bindings(Map<String, Binding> byQuestion) {
        this.byQuestion = Collections.unmodifiableMap(byQuestion);
    }

    /** The bindings of every question of {@code questionnaire}. */
    public static Bindings of(Questionnaire questionnaire) {
        Set<String> profileFields = componentNames(Profile.class);
        Set<String> costFields = componentNames(CostInputs.class);
        Map<String, Set<String>> dependents = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            QuestionDefault d = q.defaultValue();
            if (d != null && d.dependsOn() != null) {
                dependents.computeIfAbsent(d.dependsOn(), id -> new LinkedHashSet<>()).add(q.id());
            }
        }
        Map<String, Binding> table = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            String field = camelCase(q.id());
            table.put(q.id(), new Binding(q.id(), q.type(), profileFields.contains(field) ? field : null,
                    costFields.contains(field) ? field : null, dependents.getOrDefault(q.id(), Set.of())));
        }
        return new Bindings(table);
    }

    /** The binding of a question, if the questionnaire has it. */
    public Optional<Binding> of(String questionId) {
        return Optional.ofNullable(byQuestion.get(questionId));
    }

    /** Every binding, in questionnaire order. */
    public List<Binding> all() {
        return new ArrayList<>(byQuestion.values());
    }

    /** The question that fills {@code field} of {@code type} ({@code Profile} or {@code CostInputs}), if any. */
    public Optional<String> questionFor(Class<?> type, String field) {
        for (Binding b : byQuestion.values()) {
            if ((type == Profile.class && field.equals(b.profileField()))
                    || (type == CostInputs.class && field.equals(b.costField()))) {
                return Optional.of(b.question());
            }
        }
        return Optional.empty();
    }

    /**
     * Every question whose answer reaches a fact field through {@code questionId}: itself and, transitively,
     * the questions whose defaults it keys.
     */
    public Set<String> reach(String questionId) {
        Set<String> reached = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(questionId));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            if (reached.add(id)) {
                of(id).ifPresent(b -> todo.addAll(b.dependents()));
            }
        }
        return reached;
    }

    /** {@code profile} with the field bound to {@code questionId} set to {@code value} (an answer value). */
    public Profile with(Profile profile, String questionId, Object value) {
        return replace(profile, byQuestion.get(questionId).profileField(), value);
    }

    /** {@code costs} with the field bound to {@code questionId} set to {@code value} (an answer value). */
    public CostInputs with(CostInputs costs, String questionId, Object value) {
        return replace(costs, byQuestion.get(questionId).costField(), value);
    }

    /** A copy of a record with one component replaced, converting an answer's number to the component's type. */
    static <R extends Record> R replace(R record, String field, Object value) {
        Shape shape = SHAPES.computeIfAbsent(record.getClass(), Shape::of);
        Object[] args = new Object[shape.accessors.length];
        try {
            for (int i = 0; i < args.length; i++) {
                args[i] = shape.names[i].equals(field) ? convert(value, shape.types[i]) : shape.accessors[i].invoke(record);
            }
            @SuppressWarnings("unchecked")
            R copy = (R) shape.constructor.newInstance(args);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + field + " of " + record.getClass().getSimpleName(), e);
        }
    }

    /** A record class's components and canonical constructor, looked up once. */
    private record Shape(String[] names, Class<?>[] types, java.lang.reflect.Method[] accessors, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                accessors[i] = components[i].getAccessor();
            }
            try {
                return new Shape(names, types, accessors, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    }

    private static final Map<Class<?>, Shape> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Object convert(Object value, Class<?> type) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        Number number = (Number) value;
        if (type == long.class || type == Long.class) {
            return number instanceof BigDecimal d ? d.longValueExact() : number.longValue();
        }
        if (type == int.class || type == Integer.class) {
            return Math.toIntExact(number instanceof BigDecimal d ? d.longValueExact() : number.longValue());
        }
        if (type == double.class || type == Double.class) {
            return number.doubleValue();
        }
        if (type == BigDecimal.class) {
            return number instanceof BigDecimal d ? d : BigDecimal.valueOf(number.longValue());
        }
        throw new IllegalArgumentException("cannot put a " + value.getClass().getSimpleName() + " into a " + type.getSimpleName());
    }

    private static Set<String> componentNames(Class<?> record) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    /** {@code monthly_queries} -> {@code monthlyQueries}. */
    static String camelCase(String id) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : id.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
