package dev.ragft.questionnaire;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of value a question takes, as written in the questionnaire's {@code type} field.
 *
 * <p>Normalized values are a {@code String} for {@link #ENUM} (the choice value, upper case),
 * a {@code Boolean}, a {@code Long} for {@link #INTEGER} and a {@code BigDecimal} for {@link #NUMBER}.
 */
public enum QuestionType {
    ENUM, BOOLEAN, INTEGER, NUMBER;

    /** The name used in the questionnaire file, e.g. {@code integer}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type whose {@link #jsonName()} is {@code name}; empty if none. */
    public static Optional<QuestionType> fromJsonName(String name) {
        for (QuestionType type : values()) {
            if (type.jsonName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
