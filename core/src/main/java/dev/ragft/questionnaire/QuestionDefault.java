package dev.ragft.questionnaire;

import java.util.Map;
import java.util.Optional;

/**
 * A question's default: either a literal value, or a table keyed by another question's value
 * ({@code byModelSize}, {@code byKnowledgeChange} in the file).
 *
 * <p>A table may leave a key out on purpose: for that value there is no default and the question
 * must be answered (the guide gives no 405B inference price, for instance).
 *
 * @param literal the default value when it does not depend on another answer, else {@code null}
 * @param dependsOn the id of the question the table is keyed by, else {@code null}
 * @param byValue normalized default per value of {@code dependsOn}; empty for a literal default
 */
public record QuestionDefault(Object literal, String dependsOn, Map<String, Object> byValue) {

    /** Copies the per-value defaults. */
    public QuestionDefault {
        byValue = Map.copyOf(byValue);
    }

    static QuestionDefault literal(Object value) {
        return new QuestionDefault(value, null, Map.of());
    }

    /** Whether the default depends on another question's answer. */
    public boolean isDependent() {
        return dependsOn != null;
    }

    /**
     * The default given the effective value of {@link #dependsOn()} (ignored for a literal default);
     * empty when the table has no entry for it.
     */
    public Optional<Object> valueFor(Object dependencyValue) {
        if (!isDependent()) {
            return Optional.of(literal);
        }
        return dependencyValue == null ? Optional.empty() : Optional.ofNullable(byValue.get(dependencyValue.toString()));
    }
}
